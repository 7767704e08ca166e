import { randomUUID } from 'node:crypto';
import { VersionConflictError } from '@bostadsko/event-store';
import type { Infrastructure } from '@bostadsko/runtime';
import type { ClaimEvent } from '../organisation/landlord.events.js';

export interface ClaimHolder {
  readonly landlordId: string;
  readonly userId?: string;
}

/**
 * A unique key (an organisation number, a user's e-mail) claimed in a stream of
 * its own with `no_stream`/expected revision, so two racing requests cannot
 * both take it.
 */
export class Claims {
  constructor(private readonly infra: Infrastructure) {}

  async holder(stream: string): Promise<ClaimHolder | undefined> {
    const last = (await this.infra.store.readStream(stream)).at(-1) as unknown as ClaimEvent | undefined;
    return last?.type === 'claimed' ? last.data : undefined;
  }

  /** Takes the key for `holder`, or returns who already holds it. */
  async claim(stream: string, holder: ClaimHolder, correlationId: string): Promise<{ fresh: boolean; holder: ClaimHolder }> {
    const events = await this.infra.store.readStream(stream);
    const last = events.at(-1);
    if ((last as unknown as ClaimEvent | undefined)?.type === 'claimed') return { fresh: false, holder: (last as unknown as ClaimEvent).data };
    try {
      await this.infra.store.append(stream, [this.event('claimed', holder, correlationId)], last ? last.revision : 'no_stream');
      return { fresh: true, holder };
    } catch (error) {
      if (!(error instanceof VersionConflictError)) throw error;
      return this.claim(stream, holder, correlationId);
    }
  }

  async release(stream: string, holder: ClaimHolder, correlationId: string): Promise<void> {
    const current = await this.holder(stream);
    if (current?.landlordId !== holder.landlordId || current.userId !== holder.userId) return;
    await this.infra.store.append(stream, [this.event('released', holder, correlationId)], 'stream_exists');
  }

  private event(type: ClaimEvent['type'], holder: ClaimHolder, correlationId: string) {
    return { id: randomUUID(), type, schemaVersion: 1, data: { ...holder }, metadata: { correlationId, causationId: null, actor: holder.userId ?? holder.landlordId } };
  }
}
