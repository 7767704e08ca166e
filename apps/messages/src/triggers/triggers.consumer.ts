import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Consumer, IntegrationMessage, Tx } from '@bostadsko/bus';
import { stockholmDate } from '@bostadsko/calendar';
import { Clock } from '@bostadsko/clock';
import {
  AccountClosedV1,
  ContactDetailsChangedV1,
  LandlordUserChangedV1,
  LandlordUserContactChangedV1,
  LandlordUserErasedV1,
  ListingPublishedV1,
  ListingPublishedV2,
  TenantProposedV1,
} from '@bostadsko/contracts';
import type { PersonalDataVault } from '@bostadsko/personal-data';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { CommandBus } from '@nestjs/cqrs';
import { ErasePerson, NoteEmailAddress, RecordMessage } from '../inbox/person-messages.commands.js';
import { ChooseLanguage } from '../people/choose-language.handler.js';
import { VAULT } from '../messages.tokens.js';
import { EMAIL_SETTING } from '../policy/messages-policy.js';
import { PolicyService } from '../policy/policy.service.js';
import { queueAlerts } from '../alerts/listing-matcher.js';
import { planReminders, REMINDER_TOPICS } from '../reminders/reminder-planner.js';
import { forgetContact, newestContact } from './contact-order.js';
import { messageIdFor } from './message-id.js';
import { messagesFor, TRIGGER_TOPICS, type TriggerLookups } from './message-triggers.js';
import { LANDLORD_TRIGGER_TOPICS, landlordMessagesFor, type LandlordLookups } from './landlord-triggers.js';

const GROUP = 'messages.triggers';
const TOPICS = [
  ...new Set([...TRIGGER_TOPICS, ...REMINDER_TOPICS, ...LANDLORD_TRIGGER_TOPICS]),
  ListingPublishedV1.type,
  ListingPublishedV2.type,
  TenantProposedV1.type,
  ContactDetailsChangedV1.type,
  AccountClosedV1.type,
  LandlordUserChangedV1.type,
  LandlordUserContactChangedV1.type,
  LandlordUserErasedV1.type,
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
      case TenantProposedV1.type: {
        const { proposalId, applicantId } = TenantProposedV1.parse(message.payload);
        await tx.query(`INSERT INTO messages.proposals (proposal_id, applicant_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [proposalId, applicantId]);
        // And on: the landlord's users are told a proposal waits for them.
        break;
      }
      case ContactDetailsChangedV1.type: {
        const { applicantId, email } = ContactDetailsChangedV1.parse(message.payload);
        if (!(await newestContact(tx, applicantId, message.occurredAt))) return;
        const [sealed] = await this.vault.sealEach([{ subject: applicantId, value: email }]);
        if (!(sealed instanceof Error)) await this.commands.execute(new NoteEmailAddress(applicantId, { email: sealed }, context));
        return;
      }
      case AccountClosedV1.type: {
        const { applicantId, on } = AccountClosedV1.parse(message.payload);
        await forgetContact(tx, applicantId);
        await this.commands.execute(new ErasePerson(applicantId, on, context));
        return;
      }
      case LandlordUserChangedV1.type: {
        const { userId, landlordId, role, status, at } = LandlordUserChangedV1.parse(message.payload);
        await tx.query(
          `INSERT INTO messages.landlord_users AS u (user_id, landlord_id, role, status, at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (user_id) DO UPDATE SET landlord_id = excluded.landlord_id, role = excluded.role, status = excluded.status, at = excluded.at
           WHERE excluded.at >= u.at`,
          [userId, landlordId, role, status, at],
        );
        return;
      }
      case LandlordUserContactChangedV1.type: {
        const { userId, email, language } = LandlordUserContactChangedV1.parse(message.payload);
        if (!(await newestContact(tx, userId, message.occurredAt))) return;
        const [sealed] = await this.vault.sealEach([{ subject: userId, value: email }]);
        if (sealed instanceof Error) return;
        await this.commands.execute(new NoteEmailAddress(userId, { email: sealed }, context));
        await this.commands.execute(new ChooseLanguage(userId, language, context));
        return;
      }
      case LandlordUserErasedV1.type: {
        const { userId, on } = LandlordUserErasedV1.parse(message.payload);
        await forgetContact(tx, userId);
        await this.commands.execute(new ErasePerson(userId, on, context));
        return;
      }
    }
    const lookups = this.lookups(tx);
    const toSend = [...(await messagesFor(message, lookups)), ...(await landlordMessagesFor(message, lookups))];
    if (toSend.length === 0) return;
    const now = this.clock.now();
    const policy = await this.policy.on(stockholmDate(now));
    const sealed = await this.vault.sealEach(toSend.map(({ applicantId, content }) => ({ subject: applicantId, value: content })));
    for (const [i, { applicantId, content, sameFactAs }] of toSend.entries()) {
      const seal = sealed[i];
      if (seal instanceof Error) {
        this.logger.log(`${message.type} ${message.id}: no message for an erased person`);
        continue;
      }
      const messageId = messageIdFor(sameFactAs ?? message.id, applicantId, content.kind);
      const email = policy[EMAIL_SETTING[content.kind]] === 1;
      await this.commands.execute(new RecordMessage(applicantId, { messageId, kind: content.kind, email, content: seal, cause: message.id, now: now.toISOString() }, context));
    }
  }

  private lookups(tx: Tx): TriggerLookups & LandlordLookups {
    return {
      activeUsers: async (landlordId, roles) =>
        (
          await tx.query<{ user_id: string }>(`SELECT user_id FROM messages.landlord_users WHERE landlord_id = $1 AND status = 'active' AND role = ANY($2) ORDER BY user_id`, [landlordId, roles])
        ).rows.map((row) => row.user_id),
      flat: async (listingId) => (await tx.query(`SELECT facts FROM messages.flats WHERE listing_id = $1`, [listingId])).rows[0]?.facts ?? null,
      proposedApplicant: async (proposalId) => (await tx.query(`SELECT applicant_id FROM messages.proposals WHERE proposal_id = $1`, [proposalId])).rows[0]?.applicant_id ?? null,
    };
  }
}
