import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Consumer, IntegrationMessage, Tx } from '@bostadsko/bus';
import { stockholmDate } from '@bostadsko/calendar';
import { Clock } from '@bostadsko/clock';
import { AccountClosedV1, ApplicantRegisteredV1, ContactDetailsChangedV1, ListingPublishedV1, ListingPublishedV2, TenantProposedV1 } from '@bostadsko/contracts';
import type { PersonalDataVault } from '@bostadsko/personal-data';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { CommandBus } from '@nestjs/cqrs';
import { ErasePerson, NoteEmailAddress, RecordMessage } from '../inbox/person-messages.commands.js';
import { VAULT } from '../messages.tokens.js';
import { EMAIL_SETTING } from '../policy/messages-policy.js';
import { PolicyService } from '../policy/policy.service.js';
import { queueAlerts } from '../alerts/listing-matcher.js';
import { planReminders, REMINDER_TOPICS } from '../reminders/reminder-planner.js';
import { messageIdFor } from './message-id.js';
import { messagesFor, TRIGGER_TOPICS, type TriggerLookups } from './message-triggers.js';

const GROUP = 'messages.triggers';
const TOPICS = [
  ...new Set([...TRIGGER_TOPICS, ...REMINDER_TOPICS]),
  ListingPublishedV1.type,
  ListingPublishedV2.type,
  ApplicantRegisteredV1.type,
  TenantProposedV1.type,
  ContactDetailsChangedV1.type,
  AccountClosedV1.type,
];

/**
 * Turns other apps' integration events into messages in people's streams, and
 * keeps what that needs (the flat of a listing, the applicant of a proposal, the
 * address). At least once from the bus; the message id derives from the cause,
 * so a redelivery records nothing new.
 */
@Injectable()
export class TriggersConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(TriggersConsumer.name);
  private consumer?: Consumer;

  constructor(
    @Inject(INFRASTRUCTURE) private readonly infra: Infrastructure,
    @Inject(VAULT) private readonly vault: PersonalDataVault,
    private readonly commands: CommandBus,
    private readonly policy: PolicyService,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = await this.infra.bus.consume({ group: GROUP, topics: TOPICS }, (message, tx) => this.handle(message, tx));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }

  async handle(message: IntegrationMessage, tx: Tx): Promise<void> {
    const context = { correlationId: message.correlationId, causationId: message.id, actor: message.type.split('.')[0] };
    if ((REMINDER_TOPICS as readonly string[]).includes(message.type)) await planReminders(message, tx, this.vault, this.lookups(tx).flat);
    switch (message.type) {
      // v2 comes from the same event with more facts (the list type and deadline an alert names): v1 never overwrites them.
      case ListingPublishedV1.type: {
        const { listingId, municipality, district, rooms, areaM2, monthlyRent } = ListingPublishedV1.parse(message.payload);
        await tx.query(`INSERT INTO messages.flats (listing_id, facts) VALUES ($1, $2) ON CONFLICT (listing_id) DO NOTHING`, [
          listingId,
          { listingId, municipality, district, rooms, areaM2, monthlyRent },
        ]);
        return;
      }
      case ListingPublishedV2.type: {
        const listing = ListingPublishedV2.parse(message.payload);
        const { listingId, municipality, district, rooms, areaM2, monthlyRent, listingType, applicationDeadline } = listing;
        await tx.query(`INSERT INTO messages.flats (listing_id, facts) VALUES ($1, $2) ON CONFLICT (listing_id) DO UPDATE SET facts = excluded.facts`, [
          listingId,
          { listingId, municipality, district, rooms, areaM2, monthlyRent, listingType, applicationDeadline },
        ]);
        await queueAlerts(tx, listing, this.clock.now());
        return;
      }
      case ApplicantRegisteredV1.type: {
        const { applicantId, birthYear } = ApplicantRegisteredV1.parse(message.payload);
        await tx.query(`INSERT INTO messages.seekers (applicant_id, birth_year) VALUES ($1, $2) ON CONFLICT (applicant_id) DO UPDATE SET birth_year = excluded.birth_year`, [
          applicantId,
          birthYear ?? null,
        ]);
        return;
      }
      case TenantProposedV1.type: {
        const { proposalId, applicantId } = TenantProposedV1.parse(message.payload);
        await tx.query(`INSERT INTO messages.proposals (proposal_id, applicant_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [proposalId, applicantId]);
        return;
      }
      case ContactDetailsChangedV1.type: {
        const { applicantId, email } = ContactDetailsChangedV1.parse(message.payload);
        const [sealed] = await this.vault.sealEach([{ subject: applicantId, value: email }]);
        if (!(sealed instanceof Error)) await this.commands.execute(new NoteEmailAddress(applicantId, { email: sealed }, context));
        return;
      }
      case AccountClosedV1.type: {
        const { applicantId, on } = AccountClosedV1.parse(message.payload);
        await this.commands.execute(new ErasePerson(applicantId, on, context));
        return;
      }
    }
    const toSend = await messagesFor(message, this.lookups(tx));
    if (toSend.length === 0) return;
    const now = this.clock.now();
    const policy = await this.policy.on(stockholmDate(now));
    const sealed = await this.vault.sealEach(toSend.map(({ applicantId, content }) => ({ subject: applicantId, value: content })));
    for (const [i, { applicantId, content }] of toSend.entries()) {
      const seal = sealed[i];
      if (seal instanceof Error) {
        this.logger.log(`${message.type} ${message.id}: no message for an erased person`);
        continue;
      }
      const messageId = messageIdFor(message.id, applicantId, content.kind);
      const email = policy[EMAIL_SETTING[content.kind]] === 1;
      await this.commands.execute(new RecordMessage(applicantId, { messageId, kind: content.kind, email, content: seal, cause: message.id, now: now.toISOString() }, context));
    }
  }

  private lookups(tx: Tx): TriggerLookups {
    return {
      flat: async (listingId) => (await tx.query(`SELECT facts FROM messages.flats WHERE listing_id = $1`, [listingId])).rows[0]?.facts ?? null,
      proposedApplicant: async (proposalId) => (await tx.query(`SELECT applicant_id FROM messages.proposals WHERE proposal_id = $1`, [proposalId])).rows[0]?.applicant_id ?? null,
    };
  }
}
