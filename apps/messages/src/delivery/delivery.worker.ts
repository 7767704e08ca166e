import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { stockholmDate } from '@bostadsko/calendar';
import { Clock } from '@bostadsko/clock';
import type { PersonalDataVault, Sealed } from '@bostadsko/personal-data';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import type { Language } from '../inbox/person-messages.events.js';
import { CommandBus } from '@nestjs/cqrs';
import { RecordBounce } from '../inbox/person-messages.commands.js';
import { MESSAGES_CONFIG, VAULT } from '../messages.tokens.js';
import type { MessagesConfig } from '../messages.config.js';
import { PolicyService } from '../policy/policy.service.js';
import type { MessageContent } from '../templates/message-facts.js';
import { render } from '../templates/render.js';
import { retryDelaySeconds } from './backoff.js';
import { DELIVERIES_TABLE } from './deliveries.projection.js';
import { MailSender, SendFailure } from './mail-sender.js';

const BATCH = 20;
/** A claimed row is left alone this long: enough for a batch of sends; a worker that died frees it after. */
const CLAIM_SECONDS = 120;

interface Due {
  readonly message_id: string;
  readonly applicant_id: string;
  readonly attempts: number;
  readonly content: Sealed;
  readonly language: Language | null;
  readonly email: Sealed | null;
}

/**
 * Sends the outbox: claims due rows in a short transaction (never held across
 * SMTP), sends each, and marks it sent; a failure is retried with doubling
 * waits (policy), so mail waits out an SMTP outage and none is lost. A refusal
 * for good (5xx) fails the message and records the address as failing. A
 * crash between the send and the mark sends that one mail again: SMTP has no
 * way to make it exactly once, and the repeat keeps its Message-ID.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeliveryWorker.name);
  private readonly sender: MailSender;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    @Inject(INFRASTRUCTURE) private readonly infra: Infrastructure,
    @Inject(VAULT) private readonly vault: PersonalDataVault,
    private readonly commands: CommandBus,
    @Inject(MESSAGES_CONFIG) private readonly config: MessagesConfig,
    private readonly policy: PolicyService,
    private readonly clock: Clock,
  ) {
    this.sender = new MailSender(config.SMTP_URL, config.MAIL_FROM);
  }

  onApplicationBootstrap(): void {
    if (this.config.DELIVERY_INTERVAL_MS === 0) return;
    const tick = () => {
      this.running = this.deliverDue()
        .catch((error: Error) => this.logger.error(`delivery round failed and runs again: ${error.message}`))
        .finally(() => {
          if (this.running) this.timer = setTimeout(tick, this.config.DELIVERY_INTERVAL_MS);
        });
    };
    this.timer = setTimeout(tick, 0);
  }

  async beforeApplicationShutdown(): Promise<void> {
    const last = this.running;
    this.running = undefined;
    clearTimeout(this.timer);
    await last;
    this.sender.close();
  }

  /** One round: every due mail, batch by batch. */
  async deliverDue(): Promise<void> {
    for (;;) {
      const due = await this.claim();
      for (const row of due) await this.deliver(row);
      if (due.length < BATCH) return;
    }
  }

  private async claim(): Promise<Due[]> {
    const { rows } = await this.infra.pool.query<Due>(
      `WITH claimed AS (
         UPDATE ${DELIVERIES_TABLE} SET claimed_until = now() + make_interval(secs => $2)
         WHERE message_id IN (
           SELECT message_id FROM ${DELIVERIES_TABLE} d
           WHERE state = 'pending' AND next_attempt_at <= now() AND (claimed_until IS NULL OR claimed_until < now())
             AND EXISTS (SELECT 1 FROM messages.inbox i WHERE i.message_id = d.message_id)
           ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
         RETURNING message_id, applicant_id, attempts)
       SELECT c.message_id, c.applicant_id, c.attempts, i.content, i.language, p.email
       FROM claimed c JOIN messages.inbox i ON i.message_id = c.message_id LEFT JOIN messages.people p ON p.applicant_id = c.applicant_id`,
      [BATCH, CLAIM_SECONDS],
    );
    return rows;
  }

  private async deliver(row: Due): Promise<void> {
    const [content, to] = await Promise.all([this.vault.open<MessageContent>(row.content), row.email ? this.vault.open<string>(row.email) : undefined]);
    if (!content) return this.finish(row.message_id, 'cancelled', 'person erased');
    // The address comes from another app's topic and may not have arrived yet: wait for it.
    if (!to || !row.language) return this.retry(row, 'no e-mail address known yet');
    try {
      await this.sender.send({ to, messageId: row.message_id, ...render(content, row.language) });
      await this.finish(row.message_id, 'sent', null);
    } catch (error) {
      if (!(error instanceof SendFailure)) throw error;
      if (!error.permanent) return this.retry(row, error.message);
      this.logger.warn(`message ${row.message_id}: the address was refused for good`);
      await this.finish(row.message_id, 'failed', error.message);
      await this.commands.execute(
        new RecordBounce(row.applicant_id, { messageId: row.message_id, reason: error.message, now: this.clock.now().toISOString() }, { correlationId: randomUUID(), actor: 'messages.delivery' }),
      );
    }
  }

  private async retry(row: Due, reason: string): Promise<void> {
    const { retryAfterSeconds, retryAtMostEverySeconds } = await this.policy.on(stockholmDate(this.clock.now()));
    const wait = retryDelaySeconds(row.attempts + 1, retryAfterSeconds, retryAtMostEverySeconds);
    await this.infra.pool.query(
      `UPDATE ${DELIVERIES_TABLE} SET attempts = attempts + 1, last_error = $2, next_attempt_at = now() + make_interval(secs => $3), claimed_until = NULL WHERE message_id = $1`,
      [row.message_id, reason, wait],
    );
  }

  private async finish(messageId: string, state: 'sent' | 'failed' | 'cancelled', error: string | null): Promise<void> {
    await this.infra.pool.query(
      `UPDATE ${DELIVERIES_TABLE} SET state = $2, last_error = $3, sent_at = CASE WHEN $2 = 'sent' THEN now() END, claimed_until = NULL, attempts = attempts + 1 WHERE message_id = $1`,
      [messageId, state, error],
    );
  }
}
