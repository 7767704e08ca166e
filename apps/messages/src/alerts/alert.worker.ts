import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { stockholmDate } from '../../../../libs/calendar/src/calendar.js';
import { BusinessSchedule, Clock } from '../../../../libs/clock/src/index.js';
import type { PersonalDataVault } from '../../../../libs/personal-data/src/personal-data.vault.js';
import { INFRASTRUCTURE } from '../../../../libs/runtime/src/event-sourcing.module.js';
import type { Infrastructure } from '../../../../libs/runtime/src/infrastructure.js';
import type { PersonMessagesStore } from '../inbox/person-messages.store.js';
import type { MessagesConfig } from '../messages.config.js';
import { MESSAGES_CONFIG, PERSON_MESSAGES, VAULT } from '../messages.tokens.js';
import { PolicyService } from '../policy/policy.service.js';
import type { AlertedListing, MessageContent } from '../templates/message-facts.js';
import { SEARCH_ALERTS_TABLE } from './listing-matcher.js';

const BATCH = 100;

interface Gathered {
  readonly message_id: string;
  readonly applicant_id: string;
  readonly daily: boolean;
  readonly listings: AlertedListing[];
}

/**
 * Turns due saved-search alerts into messages: first every seeker's due alerts
 * get one message id (a transaction of its own), then each such message is
 * recorded in the person's stream (inbox and outbox) and its alerts deleted. A
 * crash in between records the same message id again, which the inbox keeps
 * once: each match reaches the seeker once. Due is business time, and a training
 * clock move runs it at once, so digests fall due with the clock.
 */
@Injectable()
export class AlertWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(AlertWorker.name);
  private readonly schedule: BusinessSchedule;

  constructor(
    @Inject(INFRASTRUCTURE) private readonly infra: Infrastructure,
    @Inject(VAULT) private readonly vault: PersonalDataVault,
    @Inject(PERSON_MESSAGES) private readonly people: PersonMessagesStore,
    @Inject(MESSAGES_CONFIG) config: MessagesConfig,
    private readonly policy: PolicyService,
    private readonly clock: Clock,
  ) {
    this.schedule = new BusinessSchedule({
      clock,
      everyMs: config.ALERT_INTERVAL_MS,
      atStart: true,
      run: () => this.sendDue(),
      onError: (error) => this.logger.error(`alert round failed and runs again: ${error.message}`),
    });
  }

  onApplicationBootstrap(): void {
    this.schedule.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.schedule.stop();
  }

  /** One round: gathers what is due now and records it; returns how many messages were recorded. */
  async sendDue(): Promise<number> {
    const now = this.clock.now();
    await this.infra.pool.query(
      `WITH due AS (SELECT applicant_id, gen_random_uuid() AS message_id FROM (SELECT DISTINCT applicant_id FROM ${SEARCH_ALERTS_TABLE} WHERE message_id IS NULL AND due_at <= $1) d)
       UPDATE ${SEARCH_ALERTS_TABLE} a SET message_id = due.message_id FROM due WHERE a.applicant_id = due.applicant_id AND a.message_id IS NULL AND a.due_at <= $1`,
      [now],
    );
    let recorded = 0;
    for (;;) {
      const { rows } = await this.infra.pool.query<Gathered>(
        `SELECT a.message_id, a.applicant_id, bool_and(a.daily) AS daily, json_agg(f.facts ORDER BY f.facts->>'applicationDeadline', a.listing_id) AS listings
         FROM ${SEARCH_ALERTS_TABLE} a JOIN messages.flats f ON f.listing_id = a.listing_id
         WHERE a.message_id IS NOT NULL
         GROUP BY a.message_id, a.applicant_id LIMIT $1`,
        [BATCH],
      );
      if (rows.length === 0) return recorded;
      recorded += await this.record(rows, now);
    }
  }

  private async record(rows: readonly Gathered[], now: Date): Promise<number> {
    const policy = await this.policy.on(stockholmDate(now));
    const contents = rows.map((r): MessageContent => ({ kind: 'saved-search-alert', facts: { listings: r.listings, daily: r.daily } }));
    const sealed = await this.vault.sealEach(rows.map((r, i) => ({ subject: r.applicant_id, value: contents[i] })));
    let recorded = 0;
    for (const [i, row] of rows.entries()) {
      const seal = sealed[i];
      // An erased person's key is gone, so nothing can be sealed: their queued alerts (ids only) are dropped here.
      if (!(seal instanceof Error)) {
        const context = { correlationId: row.message_id, causationId: null, actor: 'messages.alerts' };
        const command = { type: 'record-message', messageId: row.message_id, kind: 'saved-search-alert', email: policy.emailSavedSearchAlert === 1, content: seal } as const;
        await this.people.handle(row.applicant_id, { ...command, cause: `saved-search-alerts:${row.message_id}`, now: now.toISOString() }, context);
        recorded++;
      }
      await this.infra.pool.query(`DELETE FROM ${SEARCH_ALERTS_TABLE} WHERE message_id = $1`, [row.message_id]);
    }
    return recorded;
  }
}
