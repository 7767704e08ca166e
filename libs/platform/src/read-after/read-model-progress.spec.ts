import { jest } from '@jest/globals';
import { formatToken, parseTokens, type LogToken } from './log-token.js';
import { ReadModelProgress } from './read-model-progress.js';

const at = (commit: number, prepare: number) => ({ commit: BigInt(commit), prepare: BigInt(prepare) });
const token = (app: string, commit: number, prepare: number): LogToken => ({ app, position: at(commit, prepare) });

describe('X-Read-After tokens', () => {
  test('round-trip, one per app, malformed ones dropped', () => {
    expect(formatToken(token('applicants', 7413, 18446))).toBe('applicants:7413-18446');
    expect(parseTokens('applicants:7413-18446, listings:9-2,nonsense, x:1, listings:a-1')).toEqual([token('applicants', 7413, 18446), token('listings', 9, 2)]);
    expect(parseTokens(undefined)).toEqual([]);
  });
});

describe('ReadModelProgress', () => {
  test('a token is reached when every read model of its app has passed it, in transaction order first', () => {
    const progress = new ReadModelProgress();
    const queueTime = progress.track('applicants', 'projection:queue-time');
    const fees = progress.track('applicants', 'projection:fees');
    queueTime(at(10, 5));
    expect(progress.reached(token('applicants', 10, 5))).toBe(false);
    fees(at(11, 1));
    expect(progress.reached(token('applicants', 10, 5))).toBe(true);
    expect(progress.reached(token('applicants', 10, 6))).toBe(false);
    queueTime(at(9, 99));
    expect(progress.reached(token('applicants', 10, 5))).toBe(true);
  });

  test('only tokens of logs some read model here reflects are related', () => {
    const progress = new ReadModelProgress();
    progress.track('applicants', 'listings.seekers');
    expect(progress.related([token('applicants', 1, 1), token('statistics', 1, 1)])).toEqual([token('applicants', 1, 1)]);
  });

  test('a wait ends when the read models report, not at a timer', async () => {
    // Timers frozen: the wait can only end through the reports.
    jest.useFakeTimers();
    try {
      const progress = new ReadModelProgress();
      const seekers = progress.track('applicants', 'listings.seekers');
      const applications = progress.track('listings', 'projection:applications');
      const waiting = progress.waitFor([token('applicants', 5, 1), token('listings', 8, 2)], 10_000);
      seekers(at(5, 1));
      await Promise.resolve();
      applications(at(8, 3));
      expect(await waiting).toEqual([]);
    } finally {
      jest.useRealTimers();
    }
  });

  test('a wait that times out answers with the tokens not reached', async () => {
    const progress = new ReadModelProgress();
    progress.track('applicants', 'listings.seekers')(at(5, 1));
    expect(await progress.waitFor([token('applicants', 5, 1), token('applicants', 6, 1)], 20)).toEqual([token('applicants', 6, 1)]);
  });
});
