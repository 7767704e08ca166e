import type { StandardRequirements } from '@bostadsko/contracts';
import type { IsoDate } from '@bostadsko/calendar';

export type Requirements = StandardRequirements;

/** One version of a landlord's letting guideline, in stream `letting_guideline-<landlordId>`. */
export interface GuidelineVersion {
  readonly effectiveFrom: IsoDate;
  readonly standard: Requirements;
  /** Requirements for special lists (youth, senior, student, ...) that replace the standard ones there. */
  readonly byListingType: Readonly<Record<string, Requirements>>;
  readonly reason: string;
  readonly changedBy: string;
  readonly changedAt: string;
}

export type GuidelineEvent = { readonly type: 'letting-guideline-changed'; readonly data: GuidelineVersion & { readonly landlordId: string } };

export const GUIDELINE_STREAM_PREFIX = 'letting_guideline-';
export const guidelineStream = (landlordId: string) => `${GUIDELINE_STREAM_PREFIX}${landlordId}`;
