import { NotFound } from '@bostadsko/errors';
import { MessagesRuleViolation } from '../messages.rule-violation.js';
import { decideSavedSearch, evolveSavedSearch, initialSavedSearches, type SavedSearchCommand } from './saved-search.decider.js';
import type { SavedSearchEvent, SearchFilters } from './saved-search.events.js';

const FILTERS: SearchFilters = {
  municipality: 'Göteborg',
  district: null,
  roomsMin: 2,
  roomsMax: null,
  rentMin: null,
  rentMax: null,
  areaMin: null,
  areaMax: null,
  moveInFrom: null,
  moveInTo: null,
  listTypes: [],
};
const save = (searchId: string, cap = 2): SavedSearchCommand => ({ type: 'save', searchId, filters: FILTERS, alerts: 'immediate', cap, now: '2026-05-20T10:00:00Z' });
const given = (events: SavedSearchEvent[]) => events.reduce(evolveSavedSearch, initialSavedSearches);

describe('a seeker’s saved searches', () => {
  test('saved once; the cap of the day refuses one more, and deleting one makes room', () => {
    const first = decideSavedSearch(save('a'), initialSavedSearches);
    expect(first).toEqual([{ type: 'search-saved', data: expect.objectContaining({ searchId: 'a', alerts: 'immediate' }) }]);
    expect(decideSavedSearch(save('a'), given(first))).toEqual([]);
    const two = [...first, ...decideSavedSearch(save('b'), given(first))];
    expect(() => decideSavedSearch(save('c'), given(two))).toThrow(MessagesRuleViolation);
    expect(() => decideSavedSearch(save('c'), given(two))).toThrow(expect.objectContaining({ status: 409, code: 'saved-search-cap', extensions: { code: 'saved-search-cap', cap: 2 } }));
    expect(decideSavedSearch(save('c', 3), given(two))).toHaveLength(1);
    const deleted = [...two, ...decideSavedSearch({ type: 'delete', searchId: 'a', now: 'x' }, given(two))];
    expect(decideSavedSearch(save('c'), given(deleted))).toHaveLength(1);
  });

  test('alerts change only when different; an unknown search is not found; nothing is written after erasure', () => {
    const saved = decideSavedSearch(save('a'), initialSavedSearches);
    expect(decideSavedSearch({ type: 'change-alerts', searchId: 'a', alerts: 'immediate' }, given(saved))).toEqual([]);
    expect(decideSavedSearch({ type: 'change-alerts', searchId: 'a', alerts: 'daily' }, given(saved))).toEqual([{ type: 'search-alerts-changed', data: { searchId: 'a', alerts: 'daily' } }]);
    expect(() => decideSavedSearch({ type: 'delete', searchId: 'z', now: 'x' }, given(saved))).toThrow(NotFound);
    const erased = given([...saved, { type: 'searches-erased', data: { on: '2026-05-21' } }]);
    expect(erased.searches.size).toBe(0);
    expect(decideSavedSearch(save('b'), erased)).toEqual([]);
  });
});
