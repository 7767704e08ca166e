import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { INBOX_TABLE } from '../inbox/inbox.projection.js';
import type { Language } from '../inbox/person-messages.events.js';
import { PEOPLE_TABLE } from '../people/people.projection.js';
import { LANDLORD_OPTIONAL_EMAIL_KINDS } from '../policy/messages-policy.js';

/** A landlord user as the landlords app last said; undefined before its first word. */
export class LandlordUserStatus extends Query<{ readonly landlordId: string; readonly status: 'active' | 'removed' } | undefined> {
  constructor(readonly userId: string) {
    super();
  }
}

/** How many of a landlord user's messages are unread: the portal shows it in its menu on every page. */
export class LandlordUnreadCount extends Query<number> {
  constructor(readonly userId: string) {
    super();
  }
}

export interface LandlordPreferences {
  readonly language: Language;
  /** Only the kinds a landlord user may turn off. */
  readonly email: Readonly<Record<string, boolean>>;
}

/** The language (the landlords app's) and, for each kind a landlord user may turn off, whether it is e-mailed. */
export class LandlordPreferencesOf extends Query<LandlordPreferences> {
  constructor(readonly userId: string) {
    super();
  }
}

@QueryHandler(LandlordUserStatus)
export class LandlordUserStatusHandler implements IQueryHandler<LandlordUserStatus> {
  constructor(@Inject(INFRASTRUCTURE) private readonly infra: Infrastructure) {}

  async execute({ userId }: LandlordUserStatus) {
    const { rows } = await this.infra.pool.query<{ landlord_id: string; status: 'active' | 'removed' }>(`SELECT landlord_id, status FROM messages.landlord_users WHERE user_id = $1`, [userId]);
    return rows[0] && { landlordId: rows[0].landlord_id, status: rows[0].status };
  }
}

@QueryHandler(LandlordUnreadCount)
export class LandlordUnreadCountHandler implements IQueryHandler<LandlordUnreadCount, number> {
  constructor(@Inject(INFRASTRUCTURE) private readonly infra: Infrastructure) {}

  async execute({ userId }: LandlordUnreadCount): Promise<number> {
    const { rows } = await this.infra.pool.query<{ unread: number }>(`SELECT count(*)::int AS unread FROM ${INBOX_TABLE} WHERE applicant_id = $1 AND read_at IS NULL`, [userId]);
    return rows[0].unread;
  }
}

@QueryHandler(LandlordPreferencesOf)
export class LandlordPreferencesOfHandler implements IQueryHandler<LandlordPreferencesOf, LandlordPreferences> {
  constructor(@Inject(INFRASTRUCTURE) private readonly infra: Infrastructure) {}

  async execute({ userId }: LandlordPreferencesOf): Promise<LandlordPreferences> {
    const { rows } = await this.infra.pool.query<{ language: Language; email_off: string[] }>(`SELECT language, email_off FROM ${PEOPLE_TABLE} WHERE applicant_id = $1`, [userId]);
    // A user the landlords app has not yet given an address has chosen nothing: Swedish, everything e-mailed.
    const off = new Set(rows[0]?.email_off ?? []);
    return { language: rows[0]?.language ?? 'sv', email: Object.fromEntries(LANDLORD_OPTIONAL_EMAIL_KINDS.map((kind) => [kind, !off.has(kind)])) };
  }
}
