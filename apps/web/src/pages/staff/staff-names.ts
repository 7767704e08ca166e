import type { ApiClient, Call } from '../../api/api-client.js';
import { messageFor, type Locale } from '../../i18n/locale.js';

/** Staff ids as recorded (decidedBy, actor, resolvedBy) to `Name (role)`; an id missing here is not a staff account. */
export type StaffNames = Readonly<Record<string, string>>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_IDS = 200;

/**
 * The names and roles of the staff behind recorded ids, from the applicants app, which signs staff in
 * (so the ids are its accounts'). Names are not in the events: a page asks for the ones it shows.
 */
export async function staffNames(api: ApiClient, call: Call, ids: Iterable<string>, locale: Locale): Promise<StaffNames> {
  const wanted = [...new Set(ids)].filter((id) => UUID.test(id)).slice(0, MAX_IDS);
  if (wanted.length === 0) return {};
  const { body } = await api.get<{ id: string; name: string; roles: string[] }[]>('applicants', '/auth/staff', { token: call.token, query: { ids: wanted.join(',') } });
  return Object.fromEntries(body.map((member) => [member.id, `${member.name} (${member.roles.map((role) => messageFor(locale, `staff.role.${role}`) ?? role).join(', ')})`]));
}

/** The name to show for a recorded id: the staff member's, else the id as recorded (a job's or a system's name). */
export const nameOf = (names: StaffNames, id: string): string => names[id] ?? id;
