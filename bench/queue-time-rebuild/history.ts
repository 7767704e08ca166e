import { randomBytes } from 'node:crypto';

/**
 * Seekers' histories, written as SQL so PostgreSQL generates the event log
 * itself: shipping 10 million JSON rows from Node would take longer than the
 * rebuild being measured. Everything derives from hashes of the seeker's number,
 * so a row can be built without looking at any other row.
 */

export const EVENTS_PER_SEEKER = 10;

/** Registrations spread over this many days from FIRST_DAY; later events follow each seeker for years. */
const REGISTRATION_DAYS = 6_000;
const FIRST_DAY = '2004-01-05';

/**
 * One letter per event after the registration (R):
 * P personal details changed, C/A case n registered/answered, S contract signed,
 * X letting cancelled (restores S), F staff correction in case 1,
 * D deregistered for an unpaid fee, Z account closed, E personal data erased.
 * Each life is valid for the decider: answers follow their case, a cancellation
 * its contract, a correction its case, an erasure the closing.
 */
const LIVES = [
  { share: 30, codes: 'R P C1 A1 P P C2 A2 P P' },
  { share: 12, codes: 'R C1 A1 P C2 A2 P C3 A3 P' },
  { share: 18, codes: 'R P C1 A1 P S P C2 A2 P' },
  { share: 8, codes: 'R P C1 A1 S X P C2 A2 P' },
  { share: 5, codes: 'R P C1 F A1 P P C2 A2 P' },
  { share: 13, codes: 'R P C1 A1 P C2 A2 P P D' },
  { share: 9, codes: 'R P C1 A1 P C2 A2 P Z E' },
  { share: 5, codes: 'R P C1 A1 S P C2 A2 P Z' },
] as const;

function lives(): { codes: string[][]; contractAt: number[][] } {
  const codes = LIVES.map((life) => life.codes.split(' '));
  if (codes.some((c) => c.length !== EVENTS_PER_SEEKER) || LIVES.reduce((sum, life) => sum + life.share, 0) !== 100) {
    throw new Error('every life has EVENTS_PER_SEEKER events and the shares add up to 100');
  }
  // A cancellation restores the start date its contract used up: the contract's event number.
  const contractAt = codes.map((c) => c.map(() => c.indexOf('S')));
  return { codes, contractAt };
}

const sqlArray = (values: readonly (readonly (string | number)[])[]) => `ARRAY[${values.map((row) => `[${row.map((v) => (typeof v === 'number' ? v : `'${v}'`)).join(',')}]`).join(',')}]`;

/** A non-negative int from a hash of (value, salt). */
const hash = (value: string, salt: number) => `(hashint8extended(${value}, ${salt}) & 2147483647)`;

/** Days from FIRST_DAY of a seeker's event n: strictly increasing in n, so a seeker's events stay in revision order. */
function eventDay(seekers: number, seeker: string, n: string): string {
  const pace = `(30 + ${hash(seeker, 1)} % 171)`;
  return `(${seeker}::bigint * ${REGISTRATION_DAYS} / ${seekers} + ${n} * ${pace} + ${hash(`${seeker}::bigint * 16 + ${n}`, 2)} % ${pace})`;
}

/**
 * The log's order: by day, seekers shuffled within a day. A seeker's ten
 * events span years, so a batch of the log holds about one event per seeker.
 */
export function logOrderSql(seekers: number): string {
  return `
    SELECT (row_number() OVER (ORDER BY day, shuffle))::int AS seq, seeker, n::smallint AS n
    FROM (
      SELECT seeker, n, ${eventDay(seekers, 'seeker', 'n')} AS day, ${hash('seeker::bigint * 16 + n', 3)} AS shuffle
      FROM generate_series(0, ${seekers - 1}) seeker CROSS JOIN generate_series(0, ${EVENTS_PER_SEEKER - 1}) n
    ) planned`;
}

const isoDate = (day: string) => `to_char(DATE '${FIRST_DAY}' + (${day})::int, 'YYYY-MM-DD')`;

/** Random base64 that sealed blobs are cut from: hashing fresh bytes per row would double the load's time. */
const NOISE = randomBytes(36_000).toString('base64');

/** Shaped like the vault's AES-GCM output: base64 iv (12 bytes), tag (16) and a ciphertext of 132 to 195 bytes. */
function sealed(subject: string, seed: string): string {
  const cut = (from: string, length: string) => `convert_from(substr('${NOISE}'::bytea, 1 + (${from})::int, ${length}), 'UTF8')`;
  const offset = `${seed} % ${NOISE.length - 300}`;
  return `jsonb_build_object('subject', ${subject}, 'iv', ${cut(offset, '16')}, 'tag', ${cut(`${offset} + 16`, '24')},
    'data', ${cut(`${offset} + 40`, `(44 + ${seed} % 22)::int * 4`)})`;
}

const TYPES: Record<string, string> = {
  R: 'applicant-registered',
  P: 'personal-details-changed',
  C: 'case-registered',
  A: 'case-answered',
  S: 'queue-start-changed',
  X: 'queue-start-changed',
  F: 'queue-start-changed',
  D: 'applicant-deregistered',
  Z: 'account-closed',
  E: 'personal-data-erased',
};

/**
 * INSERT of the events numbered ($1, $2] in log order into es.events. Columns
 * the store fills itself (position, transaction_id) are left to their defaults.
 */
export function insertEventsSql(seekers: number): string {
  const { codes, contractAt } = lives();
  const lifeByPercent = LIVES.flatMap((life, index) => Array<number>(life.share).fill(index + 1));
  const typeCase = `CASE left(e.code, 1) ${Object.entries(TYPES)
    .map(([code, type]) => `WHEN '${code}' THEN '${type}'`)
    .join(' ')} END`;
  const caseId = `md5('case' || e.seeker || ':' || right(e.code, 1))::uuid::text`;
  const listingId = `md5('listing' || e.seeker)::uuid::text`;
  const applicant = `'applicant:' || e.id`;
  const staff = `'staff:' || (100 + e.seed % 40)`;
  const date = isoDate('e.day');
  const registered = isoDate('e.registered_day');
  const queueChange = (decidedBy: string, fields: string) => `jsonb_build_object('effectiveFrom', ${date}, 'decidedBy', ${decidedBy}, ${fields})`;
  const data = `CASE left(e.code, 1)
    WHEN 'R' THEN jsonb_build_object('applicantId', e.id, 'registeredAt', to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'queueStartDate', ${date}, 'birthYear', 1940 + e.seed % 66, 'personal', ${sealed('e.id', 'e.seed')})
    WHEN 'P' THEN jsonb_build_object('personal', ${sealed('e.id', 'e.seed')}, 'changedBy', ${applicant})
    WHEN 'C' THEN jsonb_build_object('caseId', ${caseId}, 'channel', (ARRAY['web','phone','visit'])[1 + e.seed % 3],
      'subject', (ARRAY['Queue time question','Change of address','Offer declined','Fee invoice','Transfer of queue time'])[1 + e.seed % 5],
      'description', ${sealed('e.id', 'e.seed')}, 'registeredBy', ${applicant})
    WHEN 'A' THEN jsonb_build_object('caseId', ${caseId}, 'answer', ${sealed('e.id', 'e.seed')}, 'answeredBy', ${staff})
    WHEN 'S' THEN ${queueChange("'listings'", `'queueStartDate', ${date}, 'previousQueueStartDate', ${registered}, 'reason', 'contract-signed', 'listingId', ${listingId}, 'explanation', 'A first-hand contract through the queue uses up the queue time'`)}
    WHEN 'X' THEN ${queueChange("'listings'", `'queueStartDate', ${registered}, 'previousQueueStartDate', ${isoDate(eventDay(seekers, 'e.seeker', 'e.contract_at'))}, 'reason', 'letting-cancelled', 'listingId', ${listingId}, 'explanation', 'The landlord did not complete the letting: the queue time is restored'`)}
    WHEN 'F' THEN ${queueChange(staff, `'queueStartDate', ${isoDate(`e.registered_day - 30 - e.seed % 700`)}, 'previousQueueStartDate', ${registered}, 'reason', 'staff-correction', 'caseId', md5('case' || e.seeker || ':1')::uuid::text, 'explanation', 'Queue start corrected: registration delayed by an error at the agency'`)}
    WHEN 'D' THEN jsonb_build_object('on', ${date}, 'reason', 'annual-fee-unpaid', 'noticeId', md5('notice' || e.seeker)::uuid::text,
      'dueDate', ${isoDate('e.day - 60')}, 'graceDays', 30, 'decidedBy', 'job:annual-fee')
    WHEN 'Z' THEN jsonb_build_object('on', ${date}, 'closedBy', ${applicant})
    WHEN 'E' THEN jsonb_build_object('on', ${date}, 'erasedBy', 'job:erasure')
  END`;
  const actor = `CASE WHEN left(e.code, 1) IN ('R', 'P', 'C', 'Z') THEN ${applicant} WHEN left(e.code, 1) IN ('S', 'X') THEN 'listings' ELSE ${staff} END`;
  return `
    INSERT INTO es.events (stream_id, revision, event_id, type, schema_version, data, metadata, recorded_at)
    SELECT 'applicant-' || e.id, e.n, gen_random_uuid(), ${typeCase}, 1, ${data},
      jsonb_build_object('correlationId', md5('correlation' || e.seq)::uuid::text,
        'causationId', CASE WHEN e.seed % 3 = 0 THEN md5('causation' || e.seq)::uuid::text END, 'actor', ${actor}),
      e.at
    FROM (
      SELECT p.seq, p.seeker, p.n, life.codes[life.id][p.n + 1] AS code, life.contract_at[life.id][p.n + 1] AS contract_at,
        md5('seeker' || p.seeker)::uuid::text AS id, ${hash('p.seeker::bigint * 16 + p.n', 4)} AS seed,
        ${eventDay(seekers, 'p.seeker', 'p.n')} AS day, ${eventDay(seekers, 'p.seeker', '0')} AS registered_day,
        -- Between 07:00 and 20:00 UTC, so the Stockholm date is the UTC date.
        timestamptz '${FIRST_DAY} 07:00:00+00' + make_interval(days => ${eventDay(seekers, 'p.seeker', 'p.n')}::int,
          secs => ${hash('p.seeker::bigint * 16 + p.n', 5)} % 46800) AS at
      FROM bench.log_order p,
        LATERAL (SELECT (ARRAY[${lifeByPercent.join(',')}])[1 + ${hash('p.seeker', 6)} % 100] AS id,
          ${sqlArray(codes)} AS codes, ${sqlArray(contractAt)} AS contract_at) life
      WHERE p.seq > $1 AND p.seq <= $2
      ORDER BY p.seq
      -- A fence: without it the planner would copy these expressions into every use of them.
      OFFSET 0
    ) e
    ORDER BY e.seq`;
}
