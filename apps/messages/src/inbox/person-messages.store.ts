import { randomUUID } from 'node:crypto';
import { VersionConflictError } from '@bostadsko/event-store';
import type { Infrastructure } from '@bostadsko/runtime';
import { decide, evolve, initialState, type PersonMessagesCommand, type PersonMessagesState } from './person-messages.decider.js';
import { personMessagesStream, type PersonMessagesEvent } from './person-messages.events.js';

const RETRIES = 5;

/** Load, decide, append with the expected revision; a concurrent change (two consumers, a reader marking read) is retried on fresh state. */
export class PersonMessagesStore {
  constructor(private readonly infra: Pick<Infrastructure, 'store'>) {}

  async load(applicantId: string): Promise<{ state: PersonMessagesState; revision: bigint | undefined }> {
    const events = await this.infra.store.readStream(personMessagesStream(applicantId));
    return { state: events.reduce((s, e) => evolve(s, e as unknown as PersonMessagesEvent), initialState), revision: events.at(-1)?.revision };
  }

  async handle(
    applicantId: string,
    command: PersonMessagesCommand,
    context: { readonly correlationId: string; readonly causationId: string | null; readonly actor: string },
  ): Promise<PersonMessagesEvent[]> {
    for (let attempt = 1; ; attempt++) {
      const { state, revision } = await this.load(applicantId);
      const events = decide(command, state);
      if (events.length === 0) return events;
      try {
        await this.infra.store.append(
          personMessagesStream(applicantId),
          events.map((e) => ({ id: randomUUID(), type: e.type, schemaVersion: 1, data: e.data, metadata: { ...context } })),
          revision ?? 'no_stream',
        );
        return events;
      } catch (error) {
        if (!(error instanceof VersionConflictError) || attempt >= RETRIES) throw error;
      }
    }
  }
}
