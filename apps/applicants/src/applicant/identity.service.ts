import { Inject, Injectable } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { DeciderHandler, EventSchemas } from '@bostadsko/command-handling';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { IDENTITY_SECRET } from '../applicants.tokens.js';
import { identityStream, type IdentityEvent } from './applicant.events.js';
import { decideIdentity, evolveIdentity, type IdentityCommand, type IdentityState } from './identity.decider.js';

/**
 * Which account a personnummer belongs to. The stream name is an HMAC of the
 * number, so the log never shows the number itself, and claiming it with
 * `no_stream` makes one account per person even under racing registrations.
 */
@Injectable()
export class IdentityService {
  private readonly handler: DeciderHandler<IdentityCommand, IdentityEvent, IdentityState>;

  constructor(
    @Inject(INFRASTRUCTURE) infra: Infrastructure,
    @Inject(IDENTITY_SECRET) private readonly secret: string,
  ) {
    this.handler = new DeciderHandler(infra.store, {
      decider: { decide: decideIdentity, evolve: evolveIdentity, initialState: undefined },
      streamId: (command) => command.stream,
      schemas: new EventSchemas<IdentityEvent>({ 'identity-claimed': 1, 'identity-released': 1 }),
    });
  }

  private stream(personnummer: string): string {
    return identityStream(createHmac('sha256', this.secret).update(personnummer).digest('hex'));
  }

  /** The account holding this personnummer, if any. */
  async lookup(personnummer: string): Promise<string | undefined> {
    return (await this.handler.load(this.stream(personnummer))).state;
  }

  /** Claims the number for a new account, or returns the account that already holds it. */
  async claim(personnummer: string, applicantId: string, correlationId: string): Promise<{ applicantId: string; fresh: boolean }> {
    const { state, events } = await this.handler.handle({ type: 'claim', stream: this.stream(personnummer), applicantId }, { correlationId, actor: applicantId });
    return { applicantId: state!, fresh: events.length > 0 };
  }

  /**
   * At the revision it read, so a retried append is one the event store recognises by its
   * event id (EventStoreDB does so reliably only for exact revisions); a conflict re-reads.
   */
  async release(personnummer: string, applicantId: string, correlationId: string): Promise<void> {
    await this.handler.handle({ type: 'release', stream: this.stream(personnummer), applicantId }, { correlationId, actor: applicantId });
  }
}
