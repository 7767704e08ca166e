import { Inject } from '@nestjs/common';
import { Query, QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AccessLog } from '@bostadsko/access-log';
import { Clock } from '@bostadsko/clock';
import { NotFound } from '@bostadsko/errors';
import { DATA_CONTROLLER, type PersonalDataVault, type RegisterExtractSection } from '@bostadsko/personal-data';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { DELIVERIES_TABLE } from '../delivery/deliveries.projection.js';
import { ListInbox } from '../inbox/inbox.queries.js';
import { PERSON_MESSAGES_PREFIX } from '../inbox/person-messages.events.js';
import { VAULT } from '../messages.tokens.js';
import { SavedSearchesOf } from '../saved-searches/saved-searches.query.js';
import { ThreadsOfPerson } from '../threads/threads.queries.js';
import { PersonOf, type PersonView } from './people.queries.js';

/** The messages app's part of a seeker's register extract (registerutdrag): the address, the language, every message and its delivery, staff reads. */
export class RegisterExtractOf extends Query<RegisterExtractSection> {
  constructor(readonly applicantId: string) {
    super();
  }
}

@QueryHandler(RegisterExtractOf)
export class RegisterExtractOfHandler implements IQueryHandler<RegisterExtractOf, RegisterExtractSection> {
  constructor(
    private readonly queries: QueryBus,
    @Inject(VAULT) private readonly vault: PersonalDataVault,
    @Inject(INFRASTRUCTURE) private readonly infra: Infrastructure,
    private readonly accessLog: AccessLog,
    private readonly clock: Clock,
  ) {}

  async execute({ applicantId }: RegisterExtractOf): Promise<RegisterExtractSection> {
    const [person, addressGiven, deliveries, messages, accessLog, savedSearches, threads] = await Promise.all([
      this.personOrErased(applicantId),
      this.infra.pool.query<{ occurred_at: Date }>(`SELECT occurred_at FROM messages.contacts_noted WHERE person_id = $1`, [applicantId]),
      this.infra.pool.query<{ message_id: string; state: string; attempts: number; sent_at: Date | null; last_error: string | null }>(
        `SELECT message_id, state, attempts, sent_at, last_error FROM ${DELIVERIES_TABLE} WHERE applicant_id = $1`,
        [applicantId],
      ),
      this.queries.execute(new ListInbox(applicantId)),
      this.accessLog.of(applicantId),
      this.queries.execute(new SavedSearchesOf(applicantId)),
      this.queries.execute(new ThreadsOfPerson(applicantId)),
    ]);
    const byMessage = new Map(deliveries.rows.map((d) => [d.message_id, { state: d.state, attempts: d.attempts, sentAt: d.sent_at?.toISOString() ?? null, lastError: d.last_error }]));
    return {
      app: 'messages',
      controller: DATA_CONTROLLER,
      generatedAt: this.clock.now().toISOString(),
      applicantId,
      purpose:
        'Messages to you about your account, applications and fees: the inbox, your replies and our answers, the e-mail address and language they are sent with, each delivery, and your saved searches and when their alerts are sent.',
      personalData: {
        email: person?.email ? ((await this.vault.open<string>(person.email)) ?? '(erased)') : null,
        // When the address in use was given: what keeps an older one, sent again, from replacing it (triggers/contact-order.ts).
        addressGivenAt: addressGiven.rows[0]?.occurred_at.toISOString() ?? null,
        language: person?.language ?? null,
        addressFailing: person?.bouncedAt ? { since: person.bouncedAt.toISOString(), reason: person.bounceReason } : null,
        digestTime: person?.digestTime ?? null,
        savedSearches,
      },
      records: [
        ...messages.map((m) => ({ type: 'message', at: m.recordedAt, data: { ...m, emailDelivery: byMessage.get(m.messageId) ?? null } })),
        // Replies and staff's answers are letting records too (process 3.2.1), each thread named by the message it began with.
        ...threads.map((t) => ({ type: 'thread', at: t.entries[0]?.at ?? '', data: t })),
      ],
      accessLog,
    };
  }

  /** An erased person's row goes with them, but their stream stays: the extract then says nothing is held; a person never heard of is 404. */
  private async personOrErased(applicantId: string): Promise<PersonView | undefined> {
    const person = await this.queries.execute(new PersonOf(applicantId));
    if (person || (await this.infra.store.readStream(`${PERSON_MESSAGES_PREFIX}${applicantId}`)).length > 0) return person;
    throw new NotFound('No such person in the messages app');
  }
}
