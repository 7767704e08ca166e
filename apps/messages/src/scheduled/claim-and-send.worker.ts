import { Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { BusinessSchedule, type Clock } from '@bostadsko/clock';
import type { Sealed } from '@bostadsko/personal-data';
import type { CommandBus } from '@nestjs/cqrs';
import { RecordMessage } from '../inbox/person-messages.commands.js';
import type { MessageKind } from '../inbox/person-messages.events.js';

/** One message a round records: whose, its id (derived, so a repeated round names it again), what it says sealed, whether e-mailed, why. */
export interface DueMessage {
  readonly applicantId: string;
  readonly messageId: string;
  readonly kind: MessageKind;
  readonly email: boolean;
  readonly content: Sealed;
  readonly cause: string;
  readonly correlationId: string;
}

/**
 * The one claim-and-send loop of the messages app's timed work (saved-search
 * alerts, reminders): every `everyMs` and at once after a training clock move,
 * claim what is due in business time, record each claim's messages in the
 * people's streams (inbox and outbox), then settle the claim. A crash between the
 * recording and the settling repeats the claim with the same message ids, which a
 * person's stream keeps once: each message reaches the person once. A subclass
 * says only what is due, what it says, and how a claim is settled.
 */
export abstract class ClaimAndSendWorker<Claim> implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(this.constructor.name);
  private readonly schedule: BusinessSchedule;

  protected constructor(
    private readonly commands: CommandBus,
    protected readonly clock: Clock,
    private readonly options: { readonly everyMs: number; readonly actor: string },
  ) {
    this.schedule = new BusinessSchedule({
      clock,
      everyMs: options.everyMs,
      atStart: true,
      run: () => this.sendDue(),
      onError: (error) => this.logger.error(`round failed and runs again: ${error.message}`),
    });
  }

  /** What is due at `now`, with any claim an interrupted round left, in a short transaction of its own (never held across the sending). */
  protected abstract claim(now: Date): Promise<readonly Claim[]>;

  /** A claim's messages, a page at a time, so a round of ten thousand alerts is never held at once. */
  protected abstract messagesOf(claim: Claim, now: Date): AsyncIterable<readonly DueMessage[]> | Iterable<readonly DueMessage[]>;

  /** Every message of the claim is recorded: it is done (deleted, marked sent or too late). */
  protected abstract settle(claim: Claim): Promise<void>;

  onApplicationBootstrap(): void {
    this.schedule.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.schedule.stop();
  }

  /** Claims what is due now and finishes every claim; returns how many messages were recorded. */
  async sendDue(): Promise<number> {
    const now = this.clock.now();
    let recorded = 0;
    for (const claim of await this.claim(now)) {
      for await (const page of this.messagesOf(claim, now)) {
        for (const { applicantId, correlationId, ...message } of page) {
          await this.commands.execute(new RecordMessage(applicantId, { ...message, now: now.toISOString() }, { correlationId, actor: this.options.actor }));
          recorded++;
        }
      }
      await this.settle(claim);
    }
    return recorded;
  }
}
