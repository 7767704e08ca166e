import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { stockholmDate } from '@bostadsko/calendar';
import { BusinessSchedule, Clock } from '@bostadsko/clock';
import type { Sealed } from '@bostadsko/personal-data';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import type { MessageKind } from '../inbox/person-messages.events.js';
import { CommandBus } from '@nestjs/cqrs';
import { RecordMessage } from '../inbox/person-messages.commands.js';
import type { MessagesConfig } from '../messages.config.js';
import { MESSAGES_CONFIG } from '../messages.tokens.js';
import { EMAIL_SETTING } from '../policy/messages-policy.js';
import { PolicyService } from '../policy/policy.service.js';
import { REMINDERS_TABLE } from './reminder-planner.js';

interface Due {
  readonly reminder_id: string;
  readonly applicant_id: string;
  readonly kind: MessageKind;
  readonly content: Sealed;
  readonly too_late: boolean;
}

/**
 * Sends the reminders whose day has come: the lead time of the policy on the
 * business date (so a training clock move brings them due at once), each once
 * (its message id is the reminder's, which the inbox keeps once). One whose
 * deadline has passed before it could go is marked too late rather than sent.
 */
@Injectable()
export class ReminderWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ReminderWorker.name);
  private readonly schedule: BusinessSchedule;

  constructor(
    @Inject(INFRASTRUCTURE) private readonly infra: Infrastructure,
    private readonly commands: CommandBus,
    @Inject(MESSAGES_CONFIG) config: MessagesConfig,
    private readonly policy: PolicyService,
    private readonly clock: Clock,
  ) {
    this.schedule = new BusinessSchedule({
      clock,
      everyMs: config.REMINDER_INTERVAL_MS,
      atStart: true,
      run: () => this.sendDue(),
      onError: (error) => this.logger.error(`reminder round failed and runs again: ${error.message}`),
    });
  }

  onApplicationBootstrap(): void {
    this.schedule.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.schedule.stop();
  }

  async sendDue(): Promise<number> {
    const now = this.clock.now();
    const today = stockholmDate(now);
    const policy = await this.policy.on(today);
    const { rows } = await this.infra.pool.query<Due>(
      `SELECT reminder_id, applicant_id, kind, content, deadline < $1::date AS too_late FROM ${REMINDERS_TABLE}
       WHERE state = 'pending' AND (not_before IS NULL OR not_before <= $1::date)
         AND deadline - CASE kind WHEN 'fee-reminder' THEN $2::int WHEN 'fee-grace-reminder' THEN $3::int ELSE $4::int END <= $1::date
       ORDER BY deadline LIMIT 1000`,
      [today, policy.feeReminderDaysBeforeDue, policy.feeGraceReminderDaysBeforeLastPayDay, policy.showingReplyReminderDaysBefore],
    );
    let sent = 0;
    for (const row of rows) {
      if (!row.too_late) {
        const context = { correlationId: row.reminder_id, actor: 'messages.reminders' };
        const message = { messageId: row.reminder_id, kind: row.kind, email: policy[EMAIL_SETTING[row.kind]] === 1, content: row.content } as const;
        await this.commands.execute(new RecordMessage(row.applicant_id, { ...message, cause: `reminder:${row.reminder_id}`, now: now.toISOString() }, context));
        sent++;
      }
      await this.infra.pool.query(`UPDATE ${REMINDERS_TABLE} SET state = $2 WHERE reminder_id = $1`, [row.reminder_id, row.too_late ? 'too-late' : 'sent']);
    }
    return sent;
  }
}
