import { NotFound } from '@bostadsko/errors';
import { MessagesRuleViolation } from '../messages.rule-violation.js';
import type { AlertMode, SavedSearchEvent, SearchFilters } from './saved-search.events.js';

export type SavedSearchCommand =
  | { readonly type: 'save'; readonly searchId: string; readonly filters: SearchFilters; readonly alerts: AlertMode; readonly cap: number; readonly now: string }
  | { readonly type: 'change-alerts'; readonly searchId: string; readonly alerts: AlertMode }
  | { readonly type: 'delete'; readonly searchId: string; readonly now: string }
  | { readonly type: 'erase'; readonly on: string };

export interface SavedSearchState {
  /** Search id to its alert mode, for the searches still kept. */
  readonly searches: ReadonlyMap<string, AlertMode>;
  readonly erased: boolean;
}

export const initialSavedSearches: SavedSearchState = { searches: new Map(), erased: false };

const tooManySavedSearches = (cap: number) => new MessagesRuleViolation('saved-search-cap', `You already keep ${cap} saved searches, the most allowed; delete one first`, { cap });

/** A seeker keeps at most `cap` searches (the policy on the day); saving the same id again is a repeat, not a new one. */
export function decideSavedSearch(command: SavedSearchCommand, state: SavedSearchState): SavedSearchEvent[] {
  if (state.erased) return [];
  switch (command.type) {
    case 'save': {
      if (state.searches.has(command.searchId)) return [];
      if (state.searches.size >= command.cap) throw tooManySavedSearches(command.cap);
      return [{ type: 'search-saved', data: { searchId: command.searchId, filters: command.filters, alerts: command.alerts, savedAt: command.now } }];
    }
    case 'change-alerts': {
      const alerts = state.searches.get(command.searchId);
      if (alerts === undefined) throw new NotFound('No such saved search');
      return alerts === command.alerts ? [] : [{ type: 'search-alerts-changed', data: { searchId: command.searchId, alerts: command.alerts } }];
    }
    case 'delete':
      if (!state.searches.has(command.searchId)) throw new NotFound('No such saved search');
      return [{ type: 'search-deleted', data: { searchId: command.searchId, at: command.now } }];
    case 'erase':
      return [{ type: 'searches-erased', data: { on: command.on } }];
  }
}

export function evolveSavedSearch(state: SavedSearchState, event: SavedSearchEvent): SavedSearchState {
  switch (event.type) {
    case 'search-saved':
    case 'search-alerts-changed':
      return { ...state, searches: new Map(state.searches).set(event.data.searchId, event.data.alerts) };
    case 'search-deleted': {
      const searches = new Map(state.searches);
      searches.delete(event.data.searchId);
      return { ...state, searches };
    }
    case 'searches-erased':
      return { searches: new Map(), erased: true };
  }
}
