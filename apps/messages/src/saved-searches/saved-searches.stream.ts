import { EventSchemas, type DeciderHandler, type DeciderStream } from '@bostadsko/command-handling';
import { decideSavedSearch, evolveSavedSearch, initialSavedSearches, type SavedSearchCommand, type SavedSearchState } from './saved-search.decider.js';
import { savedSearchesStream, type SavedSearchEvent } from './saved-search.events.js';

/** A command with the seeker whose searches it changes, kept apart so the decider sees only the command. */
export interface SavedSearchCommandOn {
  readonly applicantId: string;
  readonly command: SavedSearchCommand;
}

/** Two saves racing past the cap are decided one after the other: the second on the state the first left. */
export const savedSearchesStreams: DeciderStream<SavedSearchCommandOn, SavedSearchEvent, SavedSearchState> = {
  decider: { decide: (on, state) => decideSavedSearch(on.command, state), evolve: evolveSavedSearch, initialState: initialSavedSearches },
  streamId: (on) => savedSearchesStream(on.applicantId),
  schemas: new EventSchemas<SavedSearchEvent>({
    'search-saved': 1,
    'search-alerts-changed': 1,
    'search-deleted': 1,
    'searches-erased': 1,
  }),
};

/** The handler of these streams, as the app injects it (SAVED_SEARCHES). */
export type SavedSearches = DeciderHandler<SavedSearchCommandOn, SavedSearchEvent, SavedSearchState>;
