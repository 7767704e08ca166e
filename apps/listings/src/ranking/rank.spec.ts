import { createHash } from 'node:crypto';
import { lotteryKey, rank, seedHash, tieBreakKey, type Candidate } from './rank.js';

const listingId = '11111111-1111-4111-8111-111111111111';
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const active = (queueStartDate: string) => ({ status: 'active' as const, queueStartDate });
const candidate = (n: number, queueStartDate: string | null, submittedAt: string, failures: string[] = []): Candidate => ({
  applicationId: id(100 + n),
  applicantId: id(n),
  submittedAt,
  failures,
  standing: queueStartDate === null ? { status: 'deregistered', queueStartDate: null } : active(queueStartDate),
});
const order = (result: ReturnType<typeof rank>) => result.ranking.map((r) => r.applicantId);

describe('ranking rules', () => {
  test('most queue days at the deadline first, counted on the deadline date', () => {
    const result = rank({ listingId, method: 'queue-days', deadline: '2026-12-10', candidates: [candidate(1, '2020-01-01', 't1'), candidate(2, '2010-01-01', 't2')] });
    expect(order(result)).toEqual([id(2), id(1)]);
    expect(result.ranking[0]).toMatchObject({ place: 1, queueDays: 6187, queueStartDate: '2010-01-01' });
  });

  test('equal queue days: the earlier application wins', () => {
    const result = rank({
      listingId,
      method: 'queue-days',
      deadline: '2026-12-10',
      candidates: [candidate(1, '2015-06-01', '2026-12-01T10:00:00.002Z'), candidate(2, '2015-06-01', '2026-12-01T10:00:00.001Z')],
    });
    expect(order(result)).toEqual([id(2), id(1)]);
  });

  test('same queue start and same application instant: the documented SHA-256 tie-break decides, whatever the input order', () => {
    const a = candidate(1, '2015-06-01', 'same');
    const b = candidate(2, '2015-06-01', 'same');
    const expected = [a, b].sort((x, y) => tieBreakKey(listingId, x.applicationId).localeCompare(tieBreakKey(listingId, y.applicationId))).map((c) => c.applicantId);
    expect(order(rank({ listingId, method: 'queue-days', deadline: '2026-12-10', candidates: [a, b] }))).toEqual(expected);
    expect(order(rank({ listingId, method: 'queue-days', deadline: '2026-12-10', candidates: [b, a] }))).toEqual(expected);
    expect(tieBreakKey(listingId, a.applicationId)).toBe(createHash('sha256').update(`${listingId}:${a.applicationId}`).digest('hex'));
  });

  test('failed requirements and seekers not in the queue at the deadline are excluded with every reason', () => {
    const result = rank({ listingId, method: 'queue-days', deadline: '2026-12-10', candidates: [candidate(1, null, 't', ['income-below-multiple']), candidate(2, '2020-01-01', 't')] });
    expect(order(result)).toEqual([id(2)]);
    expect(result.excluded).toEqual([{ applicationId: id(101), applicantId: id(1), reasons: ['income-below-multiple', 'not-in-queue'] }]);
    expect(rank({ listingId, method: 'queue-days', deadline: '2026-12-10', candidates: [{ ...candidate(3, '2020-01-01', 't'), standing: null }] }).excluded[0].reasons).toEqual(['not-in-queue']);
  });

  test('first-come ranks by application time only and records no queue days', () => {
    const result = rank({
      listingId,
      method: 'application-time',
      deadline: '2026-12-10',
      candidates: [candidate(1, '2001-01-01', '2026-12-02T00:00:00Z'), candidate(2, '2025-01-01', '2026-12-01T00:00:00Z')],
    });
    expect(order(result)).toEqual([id(2), id(1)]);
    expect(result.ranking[0].queueDays).toBeNull();
  });

  test('a lottery is reproducible from the revealed seed: SHA-256(seed + applicantId) ascending', () => {
    const seed = 'a'.repeat(64);
    const candidates = Array.from({ length: 20 }, (_, i) => candidate(i + 1, '2020-01-01', `t${i}`));
    const first = rank({ listingId, method: 'lottery', deadline: '2026-12-10', seed, candidates });
    const again = rank({ listingId, method: 'lottery', deadline: '2026-12-10', seed, candidates: [...candidates].reverse() });
    expect(order(again)).toEqual(order(first));
    const byHand = candidates
      .map((c) => c.applicantId)
      .sort((x, y) =>
        createHash('sha256')
          .update(seed + x)
          .digest('hex')
          .localeCompare(
            createHash('sha256')
              .update(seed + y)
              .digest('hex'),
          ),
      );
    expect(order(first)).toEqual(byHand);
    expect(lotteryKey(seed, id(1))).toBe(
      createHash('sha256')
        .update(seed + id(1))
        .digest('hex'),
    );
    expect(seedHash(seed)).toBe(createHash('sha256').update(seed).digest('hex'));
    expect(order(rank({ listingId, method: 'lottery', deadline: '2026-12-10', seed: 'b'.repeat(64), candidates }))).not.toEqual(order(first));
  });
});
