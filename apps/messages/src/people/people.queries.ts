import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Sealed } from '@bostadsko/personal-data';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import type { Language } from '../inbox/person-messages.events.js';
import { PEOPLE_TABLE } from './people.projection.js';

/** How the messages app reaches a person: the sealed address, language, digest time, kinds not e-mailed, a failing address. */
export interface PersonView {
  readonly email: Sealed | null;
  readonly language: Language;
  readonly digestTime: string;
  readonly emailOff: readonly string[];
  readonly bouncedAt: Date | null;
  readonly bounceReason: string | null;
}

/** A person the messages app has heard of (registered or given an address); undefined for anyone else, erased people included. */
export class PersonOf extends Query<PersonView | undefined> {
  constructor(readonly applicantId: string) {
    super();
  }
}

@QueryHandler(PersonOf)
export class PersonOfHandler implements IQueryHandler<PersonOf, PersonView | undefined> {
  constructor(@Inject(INFRASTRUCTURE) private readonly infra: Infrastructure) {}

  async execute({ applicantId }: PersonOf): Promise<PersonView | undefined> {
    const { rows } = await this.infra.pool.query<{
      email: Sealed | null;
      language: Language;
      digest_time: string;
      email_off: string[];
      bounced_at: Date | null;
      bounce_reason: string | null;
    }>(`SELECT email, language, digest_time, email_off, bounced_at, bounce_reason FROM ${PEOPLE_TABLE} WHERE applicant_id = $1`, [applicantId]);
    const row = rows[0];
    return row && { email: row.email, language: row.language, digestTime: row.digest_time, emailOff: row.email_off, bouncedAt: row.bounced_at, bounceReason: row.bounce_reason };
  }
}
