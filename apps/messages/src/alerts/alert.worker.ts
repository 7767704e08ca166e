import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { stockholmDate } from '@bostadsko/calendar';
import { Clock } from '@bostadsko/clock';
import type { PersonalDataVault } from '@bostadsko/personal-data';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { CommandBus } from '@nestjs/cqrs';
import type { MessagesConfig } from '../messages.config.js';
import { MESSAGES_CONFIG, VAULT } from '../messages.tokens.js';
import { PolicyService } from '../policy/policy.service.js';
import { ClaimAndSendWorker, type DueMessage } from '../scheduled/claim-and-send.worker.js';
import type { AlertedListing, MessageContent } from '../templates/message-facts.js';
import { messageIdFor } from '../triggers/message-id.js';
import { ALERT_BATCHES_TABLE } from './listing-matcher.js';
import { SEEKERS_TABLE } from './seekers.projection.js';

const PAGE = 200;

interface Gathered {
  readonly applicant_id: string;
  readonly daily: boolean;
  readonly listings: AlertedListing[];
}

/**
 * Turns due saved-search alerts into messages, a round at a time: the due batches
 * are claimed for a round, then each seeker in them gets one message naming their
 * listings, with an id derived from the round and the seeker; then the batches go.
 * Due is business time, so daily digests fall due with a training clock move.
 */
@Injectable()
export class AlertWorker extends ClaimAndSendWorker<string> {
  constructor(
    @Inject(INFRASTRUCTURE) private readonly infra: Infrastructure,
    @Inject(VAULT) private readonly vault: PersonalDataVault,
    commands: CommandBus,
    @Inject(MESSAGES_CONFIG) config: MessagesConfig,
    private readonly policy: PolicyService,
    clock: Clock,
  ) {
    super(commands, clock, { everyMs: config.ALERT_INTERVAL_MS, actor: 'messages.alerts' });
  }

  /** The rounds to finish: the one claiming what is due now, and any an interrupted run left. */
  protected async claim(now: Date): Promise<readonly string[]> {
    await this.infra.pool.query(`UPDATE ${ALERT_BATCHES_TABLE} SET round_id = $2 WHERE round_id IS NULL AND due_at <= $1`, [now, randomUUID()]);
    const { rows } = await this.infra.pool.query<{ round_id: string }>(`SELECT DISTINCT round_id FROM ${ALERT_BATCHES_TABLE} WHERE round_id IS NOT NULL`);
    return rows.map((r) => r.round_id);
  }

  protected async *messagesOf(round: string, now: Date): AsyncIterable<readonly DueMessage[]> {
    const policy = await this.policy.on(stockholmDate(now));
    for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
      const { rows } = await this.infra.pool.query<Gathered>(
        `SELECT a.applicant_id, bool_and(a.daily) AS daily, json_agg(f.facts ORDER BY f.facts->>'applicationDeadline', a.listing_id) AS listings
         FROM (SELECT unnest(applicants) AS applicant_id, daily, listing_id FROM ${ALERT_BATCHES_TABLE} WHERE round_id = $1) a
         JOIN messages.flats f ON f.listing_id = a.listing_id
         LEFT JOIN ${SEEKERS_TABLE} k ON k.applicant_id = a.applicant_id
         WHERE a.applicant_id > $2 AND k.deregistered_on IS NULL
         GROUP BY a.applicant_id ORDER BY a.applicant_id LIMIT $3`,
        [round, after, PAGE],
      );
      if (rows.length === 0) return;
      const contents = rows.map((r): MessageContent => ({ kind: 'saved-search-alert', facts: { listings: r.listings, daily: r.daily } }));
      const sealed = await this.vault.sealEach(rows.map((r, i) => ({ subject: r.applicant_id, value: contents[i] })));
      // An erased person's key is gone, so nothing can be sealed: their alerts (ids only) go with the round, as a deregistered seeker's do.
      yield rows.flatMap((row, i): DueMessage[] => {
        const content = sealed[i];
        if (content instanceof Error) return [];
        const messageId = messageIdFor(round, row.applicant_id, 'saved-search-alert');
        const cause = `saved-search-alerts:${round}`;
        return [{ applicantId: row.applicant_id, messageId, kind: 'saved-search-alert', email: policy.emailSavedSearchAlert === 1, content, cause, correlationId: round }];
      });
      after = rows[rows.length - 1].applicant_id;
    }
  }

  protected async settle(round: string): Promise<void> {
    await this.infra.pool.query(`DELETE FROM ${ALERT_BATCHES_TABLE} WHERE round_id = $1`, [round]);
  }
}
