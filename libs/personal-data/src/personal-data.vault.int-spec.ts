import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { migrate } from '@bostadsko/postgres';
import { freshDatabase } from '../../../test/support/fresh-database.js';
import { PERSONAL_DATA_MIGRATIONS, PersonalDataVault } from './personal-data.vault.js';

describe('PersonalDataVault on PostgreSQL', () => {
  let pool: pg.Pool;
  let vault: PersonalDataVault;
  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: await freshDatabase('vault'), max: 4 });
    await migrate(pool, PERSONAL_DATA_MIGRATIONS);
    vault = new PersonalDataVault(pool);
  });
  afterAll(() => pool.end());

  test('seals under the person’s own key and opens again until the key is erased', async () => {
    const person = randomUUID();
    const sealed = await vault.seal(person, { income: 420_000 });
    expect(sealed.data).not.toContain('420');
    expect(await vault.open(sealed)).toEqual({ income: 420_000 });
    await vault.erase(person);
    expect(await vault.open(sealed)).toBeUndefined();
    await expect(vault.seal(person, { income: 1 })).rejects.toThrow(/erased/);
  });

  test('sealEach: new people get keys, known people keep theirs, an erased person fails in place', async () => {
    const [known, fresh, erased] = [randomUUID(), randomUUID(), randomUUID()];
    const earlier = await vault.seal(known, 'before');
    await vault.erase(erased);
    const results = await vault.sealEach([
      { subject: known, value: 'a' },
      { subject: fresh, value: 'b' },
      { subject: erased, value: 'c' },
      { subject: fresh.toUpperCase(), value: 'd' },
    ]);
    expect(results[2]).toBeInstanceOf(Error);
    const opened = await Promise.all([results[0], results[1], results[3]].map((r) => vault.open(r as Exclude<typeof r, Error>)));
    expect(opened).toEqual(['a', 'b', 'd']);
    expect(await vault.open(earlier)).toBe('before');
    const { rows } = await pool.query('SELECT count(*)::int AS n FROM personal_data.subject_keys WHERE subject_id = ANY($1::uuid[])', [[known, fresh, erased]]);
    expect(rows[0].n).toBe(3);
  });

  test('sealEach gives every person a key of their own and every seal an IV of its own', async () => {
    const people = [randomUUID(), randomUUID(), randomUUID()];
    const sealed = (await vault.sealEach([...people, people[0]].map((subject) => ({ subject, value: 'same' })))) as Array<Exclude<Awaited<ReturnType<PersonalDataVault['seal']>>, Error>>;
    expect(new Set(sealed.map((s) => s.iv)).size).toBe(4);
    expect(new Set(sealed.map((s) => s.data)).size).toBe(4);
    const { rows } = await pool.query<{ key: Buffer }>('SELECT key FROM personal_data.subject_keys WHERE subject_id = ANY($1::uuid[])', [people]);
    expect(new Set(rows.map((r) => r.key.toString('hex'))).size).toBe(3);
    expect(rows.every((r) => r.key.length === 32)).toBe(true);
    expect(await Promise.all(sealed.map((s) => vault.open(s)))).toEqual(['same', 'same', 'same', 'same']);
  });

  test('sealing for a new person from several places at once gives them one key, and no one is taken for erased', async () => {
    for (let round = 0; round < 20; round++) {
      const person = randomUUID();
      const sealed = await Promise.all(Array.from({ length: 4 }, (_, i) => vault.seal(person, i)));
      expect(await Promise.all(sealed.map((s) => vault.open(s)))).toEqual([0, 1, 2, 3]);
    }
  });
});
