import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { stockholmDate } from '@bostadsko/calendar';
import { BusinessSchedule, Clock } from '@bostadsko/clock';
import type { PersonalDataVault } from '@bostadsko/personal-data';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { CommandBus } from '@nestjs/cqrs';
import { RecordMessage } from '../inbox/person-messages.commands.js';
import type { MessagesConfig } from '../messages.config.js';
import { MESSAGES_CONFIG, VAULT } from '../messages.tokens.js';
import { PolicyService } from '../policy/policy.service.js';
import type { AlertedListing, MessageContent } from '../templates/message-facts.js';
import { messageIdFor } from '../triggers/message-id.js';
import { ALERT_BATCHES_TABLE } from './listing-matcher.js';

const PAGE = 200;

interface Gathered {
  readonly applicant_id: string;
  readonly daily: boolean;
  readonly listings: AlertedListing[];
}

/**
 * Turns due saved-search alerts into messages, a round at a time: the due
 * batches are claimed for the round (a transaction of its own), then each seeker
 * in them gets one message naming their listings, with an id derived from the
 * round and the seeker, recorded in their stream (inbox and outbox); then the
 * batches go. A crash in between repeats the round with the same ids, which the
 * inbox keeps once: each match reaches the seeker once. Due is business time, and
 * a training clock move runs it at once, so digests fall due with the clock.
 */
@Injectable()
export class AlertWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(AlertWorker.name);
  private readonly schedule: BusinessSchedule;

  constructor(
    @Inject(INFRASTRUCTURE) private readonly infra: Infrastructure,
    @Inject(VAULT) private readonly vault: PersonalDataVault,
    private readonly commands: CommandBus,
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

  /** Claims what is due now, then finishes every claimed round (an interrupted one first); returns how many messages were recorded. */
  async sendDue(): Promise<number> {
    const now = this.clock.now();
    await this.infra.pool.query(`UPDATE ${ALERT_BATCHES_TABLE} SET round_id = $2 WHERE round_id IS NULL AND due_at <= $1`, [now, randomUUID()]);
    const { rows } = await this.infra.pool.query<{ round_id: string }>(`SELECT DISTINCT round_id FROM ${ALERT_BATCHES_TABLE} WHERE round_id IS NOT NULL`);
    let recorded = 0;
    for (const { round_id: round } of rows) {
      recorded += await this.finish(round, now);
      await this.infra.pool.query(`DELETE FROM ${ALERT_BATCHES_TABLE} WHERE round_id = $1`, [round]);
    }
    return recorded;
  }

  private async finish(round: string, now: Date): Promise<number> {
    const policy = await this.policy.on(stockholmDate(now));
    let recorded = 0;
    for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
      const { rows } = await this.infra.pool.query<Gathered>(
        `SELECT a.applicant_id, bool_and(a.daily) AS daily, json_agg(f.facts ORDER BY f.facts->>'applicationDeadline', a.listing_id) AS listings
         FROM (SELECT unnest(applicants) AS applicant_id, daily, listing_id FROM ${ALERT_BATCHES_TABLE} WHERE round_id = $1) a
         JOIN messages.flats f ON f.listing_id = a.listing_id
         WHERE a.applicant_id > $2
         GROUP BY a.applicant_id ORDER BY a.applicant_id LIMIT $3`,
        [round, after, PAGE],
      );
      if (rows.length === 0) return recorded;
      const contents = rows.map((r): MessageContent => ({ kind: 'saved-search-alert', facts: { listings: r.listings, daily: r.daily } }));
      const sealed = await this.vault.sealEach(rows.map((r, i) => ({ subject: r.applicant_id, value: contents[i] })));
      for (const [i, row] of rows.entries()) {
        const seal = sealed[i];
        // An erased person's key is gone, so nothing can be sealed: their alerts (ids only) go with the round.
        if (seal instanceof Error) continue;
        const messageId = messageIdFor(round, row.applicant_id, 'saved-search-alert');
        const message = { messageId, kind: 'saved-search-alert', email: policy.emailSavedSearchAlert === 1, content: seal } as const;
        await this.commands.execute(
          new RecordMessage(row.applicant_id, { ...message, cause: `saved-search-alerts:${round}`, now: now.toISOString() }, { correlationId: round, actor: 'messages.alerts' }),
        );
        recorded++;
      }
      after = rows[rows.length - 1].applicant_id;
    }
  }
}
