import { Inject, Injectable } from '@nestjs/common';
import { stockholmDate } from '@bostadsko/calendar';
import { Clock } from '@bostadsko/clock';
import type { Sealed } from '@bostadsko/personal-data';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import type { MessageKind } from '../inbox/person-messages.events.js';
import { CommandBus } from '@nestjs/cqrs';
import type { MessagesConfig } from '../messages.config.js';
import { MESSAGES_CONFIG } from '../messages.tokens.js';
import { EMAIL_SETTING } from '../policy/messages-policy.js';
import { PolicyService } from '../policy/policy.service.js';
import { ClaimAndSendWorker, type DueMessage } from '../scheduled/claim-and-send.worker.js';
import { REMINDERS_TABLE } from './reminder-planner.js';

interface Due {
  readonly reminder_id: string;
  readonly applicant_id: string;
  readonly kind: MessageKind;
  readonly content: Sealed;
  readonly too_late: boolean;
  /** Whether the policy of the day e-mails this kind. */
  readonly email: boolean;
}

/**
 * Sends the reminders whose day has come: the lead time of the policy on the
 * business date (so a training clock move brings them due at once), each once
 * (its message id is the reminder's, which the inbox keeps once). One whose
 * deadline has passed before it could go is marked too late rather than sent.
 */
@Injectable()
export class ReminderWorker extends ClaimAndSendWorker<Due> {
  constructor(
    @Inject(INFRASTRUCTURE) private readonly infra: Infrastructure,
    commands: CommandBus,
    @Inject(MESSAGES_CONFIG) config: MessagesConfig,
    private readonly policy: PolicyService,
    clock: Clock,
  ) {
    super(commands, clock, { everyMs: config.REMINDER_INTERVAL_MS, actor: 'messages.reminders' });
  }

  protected async claim(now: Date): Promise<readonly Due[]> {
    const today = stockholmDate(now);
    const policy = await this.policy.on(today);
    const { rows } = await this.infra.pool.query<Omit<Due, 'email'>>(
      `SELECT reminder_id, applicant_id, kind, content, deadline < $1::date AS too_late FROM ${REMINDERS_TABLE}
       WHERE state = 'pending' AND (not_before IS NULL OR not_before <= $1::date)
         AND deadline - CASE kind WHEN 'fee-reminder' THEN $2::int WHEN 'fee-grace-reminder' THEN $3::int ELSE $4::int END <= $1::date
       ORDER BY deadline LIMIT 1000`,
      [today, policy.feeReminderDaysBeforeDue, policy.feeGraceReminderDaysBeforeLastPayDay, policy.showingReplyReminderDaysBefore],
    );
    return rows.map((row) => ({ ...row, email: policy[EMAIL_SETTING[row.kind]] === 1 }));
  }

  /** One page at most: the reminder itself, unless it came too late. */
  protected *messagesOf(due: Due): Iterable<readonly DueMessage[]> {
    if (due.too_late) return;
    const { reminder_id: id, applicant_id: applicantId, kind, content, email } = due;
    yield [{ applicantId, messageId: id, kind, email, content, cause: `reminder:${id}`, correlationId: id }];
  }

  protected async settle(due: Due): Promise<void> {
    await this.infra.pool.query(`UPDATE ${REMINDERS_TABLE} SET state = $2 WHERE reminder_id = $1`, [due.reminder_id, due.too_late ? 'too-late' : 'sent']);
  }
}
