import type { IsoDate } from '@bostadsko/calendar';
import type { LettingEvent } from './letting.events.js';

/** What a letting event means for the seeker and listing streams, carried out by the follow-up runner. */
export type FollowUp =
  | { readonly kind: 'record-avhopp'; readonly applicantId: string; readonly applicationId: string; readonly on: IsoDate; readonly avhopp: 'backed-out-after-yes' | 'late-certificates' }
  /** The application's part in the letting is over: it stops counting towards the cap on active applications. */
  | { readonly kind: 'end-application'; readonly applicantId: string; readonly applicationId: string; readonly reason: 'declined' | 'avhopp' }
  | { readonly kind: 'mark-let'; readonly applicantId: string; readonly applicationId: string; readonly contractDate: IsoDate }
  | { readonly kind: 'withdraw-tenants-other-applications'; readonly applicantId: string; readonly applicationId: string }
  | { readonly kind: 'end-listing-no-one-left'; readonly on: IsoDate };

/**
 * Declining and no answer end the application without penalty; backing out
 * after yes and late certificates are withdrawals (avhopp), which count towards
 * the block on applying. Signing lets the flat and withdraws the tenant's other
 * applications; no one left ends the listing.
 */
export function followUpsOf(event: { readonly type: string; readonly data: unknown }): FollowUp[] {
  const e = event as LettingEvent;
  switch (e.type) {
    case 'interest-answered':
      return e.data.interested ? [] : [{ kind: 'end-application', applicantId: e.data.applicantId, applicationId: e.data.applicationId, reason: 'declined' }];
    case 'invitation-expired':
      return [{ kind: 'end-application', applicantId: e.data.applicantId, applicationId: e.data.applicationId, reason: 'declined' }];
    case 'backed-out':
    case 'certificates-late': {
      const { applicantId, applicationId, on } = e.data;
      return [
        { kind: 'record-avhopp', applicantId, applicationId, on, avhopp: e.type === 'backed-out' ? 'backed-out-after-yes' : 'late-certificates' },
        { kind: 'end-application', applicantId, applicationId, reason: 'avhopp' },
      ];
    }
    case 'contract-signed': {
      const { applicantId, applicationId, contractDate } = e.data;
      return [
        { kind: 'mark-let', applicantId, applicationId, contractDate },
        { kind: 'withdraw-tenants-other-applications', applicantId, applicationId },
      ];
    }
    case 'candidates-exhausted':
      return [{ kind: 'end-listing-no-one-left', on: e.data.on }];
    default:
      return [];
  }
}
