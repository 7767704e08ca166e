import { Inject, Injectable } from '@nestjs/common';
import { createHmac, randomUUID } from 'node:crypto';
import { VersionConflictError } from '@bostadsko/event-store';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { IDENTITY_SECRET } from '../applicants.tokens.js';
import { identityStream, type IdentityEvent } from './applicant.events.js';

/**
 * Which account a personnummer belongs to. The stream name is an HMAC of the
 * number, so the log never shows the number itself, and claiming it with
 * `no_stream` makes one account per person even under racing registrations.
 */
@Injectable()
export class IdentityService {
  constructor(
    @Inject(INFRASTRUCTURE) private readonly infra: Infrastructure,
    @Inject(IDENTITY_SECRET) private readonly secret: string,
  ) {}

  private stream(personnummer: string): string {
    return identityStream(createHmac('sha256', this.secret).update(personnummer).digest('hex'));
  }

  /** The account holding this personnummer, if any. */
  async lookup(personnummer: string): Promise<string | undefined> {
    const events = (await this.infra.store.readStream(this.stream(personnummer))).map((e) => e as unknown as IdentityEvent);
    const last = events[events.length - 1];
    return last?.type === 'identity-claimed' ? last.data.applicantId : undefined;
  }

  /** Claims the number for a new account, or returns the account that already holds it. */
  async claim(personnummer: string, applicantId: string, correlationId: string): Promise<{ applicantId: string; fresh: boolean }> {
    const stream = this.stream(personnummer);
    const events = await this.infra.store.readStream(stream);
    const last = events[events.length - 1] as unknown as IdentityEvent | undefined;
    if (last?.type === 'identity-claimed') return { applicantId: last.data.applicantId, fresh: false };
    try {
      await this.infra.store.append(stream, [this.event('identity-claimed', applicantId, correlationId)], events.length === 0 ? 'no_stream' : events[events.length - 1].revision);
      return { applicantId, fresh: true };
    } catch (error) {
      if (!(error instanceof VersionConflictError)) throw error;
      return this.claim(personnummer, applicantId, correlationId);
    }
  }

  async release(personnummer: string, applicantId: string, correlationId: string): Promise<void> {
    const stream = this.stream(personnummer);
    await this.infra.store.append(stream, [this.event('identity-released', applicantId, correlationId)], 'stream_exists');
  }

  private event(type: IdentityEvent['type'], applicantId: string, correlationId: string) {
    return { id: randomUUID(), type, schemaVersion: 1, data: { applicantId }, metadata: { correlationId, causationId: null, actor: applicantId } };
  }
}
