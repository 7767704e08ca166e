import type { ApiClient, Call } from '../../api/api-client.js';
import { ApiRefusal } from '../../api/api-error.js';
import type { GuidelineVersion, LandlordUser, Me, Organisation } from './landlord.types.js';

export interface OrganisationData {
  readonly me: Me;
  readonly organisation: Organisation;
  readonly users: readonly LandlordUser[];
  /** The version in force today; none before the landlord has recorded one. */
  readonly guideline?: GuidelineVersion;
  readonly history: readonly GuidelineVersion[];
}

/** Everything the organisation's page shows, read with the landlord's own token: the app checks it is its own organisation. */
export async function organisationData(api: ApiClient, call: Call, landlordId: string): Promise<OrganisationData> {
  const base = `/landlords/${landlordId}`;
  const [me, organisation, users, guideline, history] = await Promise.all([
    api.get<Me>('landlords', '/landlords/me', call),
    api.get<Organisation>('landlords', base, call),
    api.get<LandlordUser[]>('landlords', `${base}/users`, call),
    api.get<GuidelineVersion>('landlords', `${base}/guideline`, call).catch((error: unknown) => {
      if (error instanceof ApiRefusal && error.status === 404) return undefined;
      throw error;
    }),
    api.get<GuidelineVersion[]>('landlords', `${base}/guideline/history`, call),
  ]);
  return { me: me.body, organisation: organisation.body, users: users.body, guideline: guideline?.body, history: history.body };
}
