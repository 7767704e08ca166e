import { Batcher } from './batcher.js';

describe('Batcher', () => {
  it('flushes a lone request at once and gathers those arriving meanwhile into the next flush', async () => {
    const flushed: number[][] = [];
    const batcher = new Batcher<number, number>(
      async (inputs) => {
        flushed.push(inputs);
        await new Promise((r) => setTimeout(r, 5));
        return inputs.map((n) => n * 10);
      },
      { maxBatch: 3, maxConcurrent: 1 },
    );
    const answers = await Promise.all([1, 2, 3, 4, 5].map((n) => batcher.submit(n)));
    expect(answers).toEqual([10, 20, 30, 40, 50]);
    expect(flushed).toEqual([[1], [2, 3, 4], [5]]);
  });

  it('fails one request with its own error, or every request of a flush that rejects', async () => {
    let calls = 0;
    const batcher = new Batcher<number, number>(
      async (inputs) => {
        if (calls++ === 1) throw new Error('database down');
        return inputs.map((n) => (n === 1 ? new Error('odd one') : n));
      },
      { maxBatch: 10, maxConcurrent: 1 },
    );
    const results = await Promise.allSettled([1, 2, 3].map((n) => batcher.submit(n)));
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual(['odd one', 'database down', 'database down']);
  });
});
