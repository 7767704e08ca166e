import { randomUUID } from 'node:crypto';
import { VersionConflictError } from '../../../../libs/event-store/src/index.js';
import type { Infrastructure } from '../../../../libs/runtime/src/infrastructure.js';
import { decideSavedSearch, evolveSavedSearch, initialSavedSearches, type SavedSearchCommand } from './saved-search.decider.js';
import { savedSearchesStream, type SavedSearchEvent } from './saved-search.events.js';

const RETRIES = 5;

/** Load, decide, append with the expected revision: two saves racing past the cap are decided one after the other. */
export class SavedSearchesStore {
  constructor(private readonly infra: Pick<Infrastructure, 'store'>) {}

  async handle(
    applicantId: string,
    command: SavedSearchCommand,
    context: { readonly correlationId: string; readonly causationId: string | null; readonly actor: string },
  ): Promise<SavedSearchEvent[]> {
    for (let attempt = 1; ; attempt++) {
      const events = await this.infra.store.readStream(savedSearchesStream(applicantId));
      const state = events.reduce((s, e) => evolveSavedSearch(s, e as unknown as SavedSearchEvent), initialSavedSearches);
      const decided = decideSavedSearch(command, state);
      if (decided.length === 0) return decided;
      try {
        await this.infra.store.append(
          savedSearchesStream(applicantId),
          decided.map((e) => ({ id: randomUUID(), type: e.type, schemaVersion: 1, data: e.data, metadata: { ...context } })),
          events.at(-1)?.revision ?? 'no_stream',
        );
        return decided;
      } catch (error) {
        if (!(error instanceof VersionConflictError) || attempt >= RETRIES) throw error;
      }
    }
  }
}
