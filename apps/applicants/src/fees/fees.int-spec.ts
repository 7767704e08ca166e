import { CqrsModule } from '@nestjs/cqrs';
import { Module } from '@nestjs/common';
import { ACCESS_LOG_MIGRATIONS } from '@bostadsko/access-log';
import { PERSONAL_DATA_MIGRATIONS } from '@bostadsko/personal-data';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createTestApp, PlatformModule, TokenService, type Role } from '@bostadsko/platform';
import { EventSourcingModule, INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { freshDatabase } from '../../../../test/support/fresh-database.js';
import { queueDaysOn } from '../applicant/applicant.decider.js';
import { applicantStream } from '../applicant/applicant.events.js';
import { ApplicantService } from '../applicant/applicant.service.js';
import { toIntegrationMessages } from '../integration/applicants.integration.js';
import { FeesModule } from './fees.module.js';
import { FEE_MIGRATIONS, FEE_PROJECTIONS } from './fees.wiring.js';
import { ocrFromNumber } from './ocr.js';
import { feeDiscrepanciesProjection } from './fee-discrepancies.projection.js';
import { readModelsCaughtUp } from './read-model-wait.js';
import { eventually } from '../../../../test/support/eventually.js';
import { expectRebuildToEqualLive } from '@bostadsko/testing';
import { applicantsRebuildTargets } from '../applicants.rebuild.js';

// The fee pages log staff reads: the access log and the keys its reasons are sealed under.
const eventSourcing = EventSourcingModule.forRoot({ app: 'applicants', migrations: [...PERSONAL_DATA_MIGRATIONS, ...FEE_MIGRATIONS, ...ACCESS_LOG_MIGRATIONS], projections: FEE_PROJECTIONS });

@Module({ imports: [PlatformModule.forRoot({ name: 'applicants' }), eventSourcing, CqrsModule.forRoot(), FeesModule.register(eventSourcing)] })
class FeesTestModule {}

/** Registered at 10:00 UTC, which is the same Stockholm date. */
const accounts = {
  exact: { id: randomUUID(), registeredOn: '2024-03-10' },
  unpaid: { id: randomUUID(), registeredOn: '2024-03-10' },
  day90: { id: randomUUID(), registeredOn: '2024-03-10' },
  leap: { id: randomUUID(), registeredOn: '2024-02-29' },
  later: { id: randomUUID(), registeredOn: '2024-04-01' },
  // Paid on day 90 (Sunday 2025-06-08), registered during the settlement period.
  settling: { id: randomUUID(), registeredOn: '2024-03-10' },
  // Paid on day 88, registered after the deregistration.
  reversal: { id: randomUUID(), registeredOn: '2024-03-10' },
  // Paid on day 91.
  late: { id: randomUUID(), registeredOn: '2024-03-10' },
  // Due 2025-01-17: day 90 is Maundy Thursday 2025, 17 April.
  easter: { id: randomUUID(), registeredOn: '2024-01-17' },
};

describe('annual fee over HTTP, on PostgreSQL', () => {
  let databaseUrl: string;
  let app: NestFastifyApplication;
  let infra: Infrastructure;
  const tokens: Record<string, string> = {};
  const references: Record<string, string> = {};

  const token = async (id: string, roles: Role[]) => `Bearer ${(await app.get(TokenService).issue({ id, roles })).access_token}`;
  const server = () => app.getHttpServer();
  const runJob = (today: string) => request(server()).post('/applicants/fees/jobs/run').set('authorization', tokens.admin).send({ today });
  const fees = (id: string, auth = tokens.staff) => request(server()).get(`/applicants/${id}/fees`).set('authorization', auth).set('x-access-reason', 'Fee follow-up');
  const pay = (body: object) => request(server()).post('/applicants/fees/payments').set('authorization', tokens.staff).send(body);
  const discrepancies = async (state = 'open') =>
    (await request(server()).get(`/applicants/fees/discrepancies?limit=500&state=${state}`).set('authorization', tokens.staff).expect(200)).body.items as Array<Record<string, unknown>>;
  const resolve = (body: object) => request(server()).post('/applicants/fees/discrepancy-resolutions').set('authorization', tokens.staff).send(body);
  const applicantEvents = async (id: string) => (await infra.store.readStream(applicantStream(id))).map((e) => ({ type: e.type, data: e.data as Record<string, unknown> }));

  async function start(): Promise<void> {
    process.env.DATABASE_URL = databaseUrl;
    app = await createTestApp(FeesTestModule);
    infra = app.get<Infrastructure>(INFRASTRUCTURE);
    tokens.admin = await token('admin-1', ['admin']);
    tokens.staff = await token('staff-1', ['staff']);
  }

  beforeAll(async () => {
    process.env.JWT_SECRET = 'fees-secret-that-is-long-enough-for-hs256-0123456789';
    process.env.LOG_LEVEL = 'silent';
    process.env.FEE_JOB_INTERVAL_MINUTES = '0';
    databaseUrl = await freshDatabase('fees');
    await start();
    for (const { id, registeredOn } of Object.values(accounts)) {
      await infra.store.append(
        applicantStream(id),
        [
          {
            id: randomUUID(),
            type: 'applicant-registered',
            schemaVersion: 1,
            data: { applicantId: id, registeredAt: `${registeredOn}T10:00:00.000Z`, queueStartDate: registeredOn, birthYear: 1990, personal: { subject: id, iv: '', tag: '', data: '' } },
            metadata: { correlationId: randomUUID(), actor: 'test' },
          },
        ],
        'no_stream',
      );
    }
  });

  afterAll(async () => {
    await app?.close();
  });

  test('the first run processes only its own day; a later run catches up and issues each notice on its day', async () => {
    expect((await runJob('2025-01-01').expect(200)).body).toEqual({ from: '2025-01-01', to: '2025-01-01', days: 1, noticesIssued: 1, deregistered: 0, reversed: 0 });
    expect((await runJob('2025-02-08').expect(200)).body).toEqual({ from: '2025-01-02', to: '2025-02-08', days: 38, noticesIssued: 7, deregistered: 0, reversed: 0 });

    const leap = (await fees(accounts.leap.id).expect(200)).body.notices;
    expect(leap).toEqual([expect.objectContaining({ year: 2025, dueDate: '2025-02-28', payableFrom: '2025-01-29', amount: 200 })]);
    const exact = (await fees(accounts.exact.id).expect(200)).body;
    expect(exact.notices).toEqual([
      {
        noticeId: `${accounts.exact.id}/2025`,
        year: 2025,
        amount: 200,
        dueDate: '2025-03-10',
        payableFrom: '2025-02-08',
        reference: expect.stringMatching(/^\d{8}$/),
        status: 'overdue',
        paid: 0,
        outstanding: 200,
        paidOn: null,
        // 90 days of grace by default: paid by this value date, the queue time is kept.
        lastPayDay: '2025-06-08',
      },
    ]);
    for (const [name, { id }] of Object.entries(accounts)) references[name] = (await fees(id).expect(200)).body.notices[0]?.reference;
    expect(new Set(Object.values(references).filter(Boolean)).size).toBe(8);
  });

  test('a seeker sees only their own fees; staff see all', async () => {
    const seeker = await token(accounts.exact.id, ['applicant']);
    await fees(accounts.exact.id, seeker).expect(200);
    expect((await fees(accounts.unpaid.id, seeker).expect(403)).headers['content-type']).toContain('application/problem+json');
    await request(server()).get(`/applicants/${accounts.exact.id}/fees`).expect(401);
    await fees(randomUUID()).expect(404);
    await fees('not-a-uuid').expect(400);
  });

  test('early payment: 31 days before the due date is a discrepancy, 30 days before pays', async () => {
    const early = await pay({ reference: references.exact, amount: 200, paidOn: '2025-02-07', bankReference: 'M-1' }).expect(201);
    expect(early.body).toMatchObject({ outcome: 'discrepancy', reason: 'too-early', applied: 0, applicantId: accounts.exact.id, duplicate: false });
    const inTime = await pay({ reference: references.exact, amount: 200, paidOn: '2025-02-08', bankReference: 'M-2' }).expect(201);
    expect(inTime.body).toMatchObject({ outcome: 'paid', applied: 200, paymentId: 'bank:M-2' });
    expect((await fees(accounts.exact.id).expect(200)).body.notices[0]).toMatchObject({ status: 'paid', paid: 200, outstanding: 0, paidOn: '2025-02-08' });
  });

  test('the same payment twice is registered once', async () => {
    const again = await pay({ reference: references.exact, amount: 200, paidOn: '2025-02-08', bankReference: 'M-2' }).expect(200);
    expect(again.body).toMatchObject({ outcome: 'paid', duplicate: true });
    expect((await fees(accounts.exact.id).expect(200)).body.payments).toHaveLength(2);
  });

  test('overpayment pays the notice and the excess is shown to staff; an unknown reference is kept as unmatched', async () => {
    expect((await pay({ reference: references.leap, amount: 300, paidOn: '2025-02-10' }).expect(201)).body).toMatchObject({ outcome: 'discrepancy', reason: 'overpaid', applied: 200 });
    const unknown = ocrFromNumber(987654321);
    expect((await pay({ reference: unknown, amount: 200, paidOn: '2025-02-10', bankReference: 'M-3' }).expect(201)).body).toMatchObject({
      outcome: 'unmatched',
      reason: 'unknown-reference',
      applicantId: null,
    });
    const listed = await eventually(discrepancies, (items) => items.length >= 3);
    expect(listed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'discrepancy', reason: 'too-early', applicantId: accounts.exact.id, amount: 200, discrepancyAmount: 200, noticeStatus: 'paid', bankReference: 'M-1' }),
        expect.objectContaining({ kind: 'discrepancy', reason: 'overpaid', applicantId: accounts.leap.id, amount: 300, discrepancyAmount: 100 }),
        expect.objectContaining({ kind: 'unmatched', reason: 'unknown-reference', reference: unknown, amount: 200 }),
      ]),
    );
  });

  test('a manual payment registered again after its answer was lost is the same payment, recorded once', async () => {
    const reference = ocrFromNumber(987654329);
    const key = { 'idempotency-key': 'manual-payment-lost-1' };
    const first = await pay({ reference, amount: 150, paidOn: '2025-02-11' }).set(key).expect(201);
    // What a kill -9 after the append leaves: a claim with no outcome whose owner is gone.
    await infra.pool.query('UPDATE platform.idempotency_keys SET status = NULL, body = NULL, owner = NULL WHERE key = $1', [key['idempotency-key']]);
    const retry = await pay({ reference, amount: 150, paidOn: '2025-02-11' }).set(key).expect(201);
    expect(retry.body).toEqual(first.body);
    expect(first.body).toMatchObject({ outcome: 'unmatched', duplicate: false });
    const recorded = await infra.pool.query(`SELECT stream_id FROM es.events WHERE type = 'unmatched-payment-recorded' AND data->>'reference' = $1`, [reference]);
    expect(recorded.rowCount).toBe(1);
  });

  test('bad input is refused with problem details and changes nothing', async () => {
    // The list before includes what the tests above recorded, so only this test's requests could change it.
    await readModelsCaughtUp(infra.pool, infra.store, [feeDiscrepanciesProjection]);
    const before = await discrepancies();
    const wrongCheck = references.exact.slice(0, -1) + String((Number(references.exact.slice(-1)) + 1) % 10);
    const refused = await pay({ reference: wrongCheck, amount: 200, paidOn: '2025-02-10' }).expect(400);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body.errors).toEqual([{ field: 'reference', messages: ['reference has a wrong check digit'] }]);
    expect((await pay({ reference: references.unpaid, amount: -200, paidOn: '2025-02-10' }).expect(400)).body.errors).toEqual([{ field: 'amount', messages: expect.any(Array) }]);
    expect((await pay({ reference: references.unpaid, amount: 0.001, paidOn: '2025-02-10' }).expect(400)).body.errors).toEqual([{ field: 'amount', messages: expect.any(Array) }]);
    expect((await pay({ reference: references.unpaid, amount: 200, paidOn: '2025-02-30' }).expect(400)).body.errors).toEqual([{ field: 'paidOn', messages: expect.any(Array) }]);
    await pay({ reference: references.unpaid, amount: 200, paidOn: '2999-01-01' }).expect(400);
    expect((await pay({ reference: references.unpaid, amount: 200, paidOn: '2025-02-10', applicantId: accounts.unpaid.id }).expect(400)).body.errors).toEqual([
      { field: 'applicantId', messages: expect.any(Array) },
    ]);
    await request(server()).post('/applicants/fees/payments').set('authorization', tokens.staff).set('content-type', 'application/json').send('{"reference":').expect(400);
    await request(server()).post('/applicants/fees/payments').send({ reference: references.unpaid, amount: 200, paidOn: '2025-02-10' }).expect(401);
    await request(server())
      .post('/applicants/fees/payments')
      .set('authorization', await token(accounts.unpaid.id, ['applicant']))
      .send({ reference: references.unpaid, amount: 200, paidOn: '2025-02-10' })
      .expect(403);
    await new Promise((r) => setTimeout(r, 300));
    expect(await discrepancies()).toEqual(before);
    expect((await fees(accounts.unpaid.id).expect(200)).body.payments).toEqual([]);
  });

  test('a bank file: each line matched, kept for staff, or reported; the same file again registers nothing', async () => {
    expect((await runJob('2025-03-02').expect(200)).body).toMatchObject({ noticesIssued: 1 });
    references.later = (await fees(accounts.later.id).expect(200)).body.notices[0].reference;
    const invalidOcr = references.unpaid.slice(0, -1) + String((Number(references.unpaid.slice(-1)) + 1) % 10);
    const csv = [
      'paidOn;reference;amount;bankReference',
      `2025-06-08;${references.day90};200,00;BG-90`,
      `2025-02-08;${references.exact};200,00;M-2`,
      `2025-03-05;${references.later};150,00;BG-P1`,
      `2025-03-01;${invalidOcr};200,00;BG-X`,
      `2025-03-01;${references.later};-5,00;BG-NEG`,
      '',
    ].join('\r\n');
    const upload = () => request(server()).post('/applicants/fees/payment-files?fileName=bg-2025-06-08.csv').set('authorization', tokens.staff).set('content-type', 'text/csv').send(csv);

    const first = await upload().expect(201);
    expect(first.body).toMatchObject({ fileName: 'bg-2025-06-08.csv', alreadyProcessed: false, summary: { paid: 1, duplicate: 1, 'partly-paid': 1, unmatched: 1, invalid: 1 } });
    expect(first.body.lines).toEqual([
      { line: 2, outcome: 'paid', paidOn: '2025-06-08', reference: references.day90, amount: 200, bankReference: 'BG-90', applicantId: accounts.day90.id },
      { line: 3, outcome: 'duplicate', paidOn: '2025-02-08', reference: references.exact, amount: 200, bankReference: 'M-2', applicantId: accounts.exact.id },
      { line: 4, outcome: 'partly-paid', paidOn: '2025-03-05', reference: references.later, amount: 150, bankReference: 'BG-P1', applicantId: accounts.later.id, reason: 'underpaid' },
      { line: 5, outcome: 'unmatched', paidOn: '2025-03-01', reference: invalidOcr, amount: 200, bankReference: 'BG-X', reason: 'invalid-reference' },
      { line: 6, outcome: 'invalid', text: `2025-03-01;${references.later};-5,00;BG-NEG`, messages: [expect.stringContaining('amount')] },
    ]);
    const listed = await eventually(discrepancies, (items) => items.some((d) => d.kind === 'invalid-line'));
    expect(listed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'discrepancy', reason: 'underpaid', discrepancyAmount: 50, noticeStatus: 'open' }),
        expect.objectContaining({ kind: 'unmatched', reason: 'invalid-reference', reference: invalidOcr }),
        expect.objectContaining({ kind: 'invalid-line', fileId: first.body.fileId, detail: expect.objectContaining({ line: 6 }) }),
      ]),
    );

    const again = await upload().expect(200);
    expect(again.body).toMatchObject({ fileId: first.body.fileId, alreadyProcessed: true, lines: first.body.lines });
    const asJson = await request(server()).post('/applicants/fees/payment-files').set('authorization', tokens.staff).send({ fileName: 'same.csv', content: csv }).expect(200);
    expect(asJson.body.alreadyProcessed).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(await discrepancies()).toEqual(listed);
  });

  test('a file that is not the documented format is refused whole', async () => {
    const before = await discrepancies();
    const post = (content: string | Buffer, type = 'text/csv') => request(server()).post('/applicants/fees/payment-files').set('authorization', tokens.staff).set('content-type', type).send(content);
    const noHeader = await post(`2025-03-01;${references.unpaid};200,00;BG-NH`).expect(400);
    expect(noHeader.headers['content-type']).toContain('application/problem+json');
    expect(noHeader.body.errors).toEqual([{ field: 'content', messages: [expect.stringContaining('header')] }]);
    await post(`paidOn,reference,amount,bankReference\n2025-03-01,${references.unpaid},200,BG-C`).expect(400);
    expect((await post(Buffer.from([0x70, 0x61, 0x69, 0xe5, 0x0a]), 'text/csv').expect(400)).body.errors).toEqual([{ field: 'content', messages: ['the file must be UTF-8 encoded'] }]);
    const unknownField = await request(server())
      .post('/applicants/fees/payment-files')
      .set('authorization', tokens.staff)
      .send({ fileName: 'x.csv', content: 'paidOn;reference;amount;bankReference', extra: 1 })
      .expect(400);
    expect(unknownField.body.errors).toEqual([{ field: 'extra', messages: expect.any(Array) }]);
    await new Promise((r) => setTimeout(r, 300));
    expect(await discrepancies()).toEqual(before);
    expect((await fees(accounts.unpaid.id).expect(200)).body.payments).toEqual([]);
  });

  test('bank holidays are not settlement days: day 90 on Maundy Thursday waits over Good Friday and Easter Monday', async () => {
    // Settled on Tuesday 22, Wednesday 23 and Thursday 24 April 2025 (weekdays alone would end it on the 22nd).
    expect((await runJob('2025-04-24').expect(200)).body).toMatchObject({ deregistered: 0 });
    expect((await runJob('2025-04-25').expect(200)).body).toMatchObject({ days: 1, deregistered: 1 });
    expect((await applicantEvents(accounts.easter.id)).find((e) => e.type === 'applicant-deregistered')?.data).toMatchObject({ on: '2025-04-25', dueDate: '2025-01-17', settlementBankingDays: 3 });
  });

  test('unpaid after day 90, the account waits the settlement period: a day-90 payment arriving after the day-91 run keeps it; a day-91 one is answered late', async () => {
    // Day 90 is Sunday 2025-06-08; the settlement banking days are 9, 10 and 11 June.
    expect((await runJob('2025-06-11').expect(200)).body).toMatchObject({ from: '2025-04-26', deregistered: 0 });
    for (const waiting of [accounts.unpaid, accounts.settling, accounts.late]) expect((await applicantEvents(waiting.id)).map((e) => e.type)).toEqual(['applicant-registered']);

    expect((await pay({ reference: references.settling, amount: 200, paidOn: '2025-06-08', bankReference: 'S-90' }).expect(201)).body).toMatchObject({ outcome: 'paid', reason: null });
    const file = ['paidOn;reference;amount;bankReference', `2025-06-09;${references.late};200,00;L-91`].join('\n');
    const report = await request(server()).post('/applicants/fees/payment-files').set('authorization', tokens.staff).send({ fileName: 'late.csv', content: file }).expect(201);
    expect(report.body.lines).toEqual([
      {
        line: 2,
        outcome: 'late',
        reason: 'late',
        paidOn: '2025-06-09',
        reference: references.late,
        amount: 200,
        bankReference: 'L-91',
        applicantId: accounts.late.id,
        lastPayDay: '2025-06-08',
        deregistrationOn: '2025-06-12',
      },
    ]);
    expect((await fees(accounts.late.id).expect(200)).body.notices[0]).toMatchObject({ status: 'overdue', paid: 0 });

    expect((await runJob('2025-06-12').expect(200)).body).toEqual({ from: '2025-06-12', to: '2025-06-12', days: 1, noticesIssued: 0, deregistered: 3, reversed: 0 });
    const deregistered = (await applicantEvents(accounts.unpaid.id)).filter((e) => e.type === 'applicant-deregistered');
    expect(deregistered).toEqual([
      {
        type: 'applicant-deregistered',
        data: { on: '2025-06-12', noticeId: `${accounts.unpaid.id}/2025`, dueDate: '2025-03-10', graceDays: 90, settlementBankingDays: 3, decidedBy: 'fee-job', reason: 'annual-fee-unpaid' },
      },
    ]);
    for (const gone of [accounts.late, accounts.reversal]) expect((await applicantEvents(gone.id)).map((e) => e.type)).toEqual(['applicant-registered', 'applicant-deregistered']);
    for (const kept of [accounts.day90, accounts.exact, accounts.leap, accounts.settling]) expect((await applicantEvents(kept.id)).map((e) => e.type)).toEqual(['applicant-registered']);
    expect((await fees(accounts.unpaid.id).expect(200)).body.notices[0].status).toBe('deregistered');
    const owedBack = await eventually(discrepancies, (items) => items.some((d) => d.reason === 'late'));
    expect(owedBack).toEqual(expect.arrayContaining([expect.objectContaining({ reason: 'late', applicantId: accounts.late.id, discrepancyAmount: 200, noticeStatus: 'lapsed' })]));

    // Again, for the same day and the next: nothing more.
    expect((await runJob('2025-06-12').expect(200)).body).toMatchObject({ days: 0, deregistered: 0 });
    expect((await runJob('2025-06-13').expect(200)).body).toMatchObject({ days: 1, deregistered: 0 });
    expect((await applicantEvents(accounts.unpaid.id)).filter((e) => e.type === 'applicant-deregistered')).toHaveLength(1);
  });

  test('a payment dated after the last pay day is late, before and after the deregistration: recorded for staff to refund, not applied', async () => {
    expect((await pay({ reference: references.unpaid, amount: 200, paidOn: '2025-06-12' }).expect(201)).body).toMatchObject({
      outcome: 'late',
      reason: 'late',
      applied: 0,
      lastPayDay: '2025-06-08',
      deregistrationOn: '2025-06-12',
    });
    const listed = await eventually(discrepancies, (items) => items.some((d) => d.reason === 'late' && d.applicantId === accounts.unpaid.id));
    expect(listed).toEqual(expect.arrayContaining([expect.objectContaining({ reason: 'late', applicantId: accounts.unpaid.id, noticeStatus: 'lapsed' })]));
  });

  test('a payment dated within grace that arrives after the deregistration reverses it: queue time restored, the history shows both, listings is told', async () => {
    const paid = await pay({ reference: references.reversal, amount: 200, paidOn: '2025-06-06', bankReference: 'R-88' }).expect(201);
    expect(paid.body).toMatchObject({ outcome: 'paid', reason: 'deregistration-reversed', applied: 200 });

    const history = await infra.store.readStream(applicantStream(accounts.reversal.id));
    expect(history.map((e) => e.type)).toEqual(['applicant-registered', 'applicant-deregistered', 'deregistration-reversed']);
    expect(history[2].data).toEqual({
      deregisteredOn: '2025-06-12',
      on: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      noticeId: `${accounts.reversal.id}/2025`,
      paidOn: '2025-06-06',
      queueStartDate: '2024-03-10',
      reason: 'fee-paid-in-time',
      decidedBy: 'staff-1',
    });
    const { state } = await app.get(ApplicantService).load(accounts.reversal.id);
    expect(state).toMatchObject({ status: 'active', queueStartDate: '2024-03-10' });
    if (state.status === 'none') throw new Error('no account');
    expect(queueDaysOn(state.periods, '2025-06-12')).toBe(459);
    expect((await fees(accounts.reversal.id).expect(200)).body.notices[0]).toMatchObject({ status: 'paid', paidOn: '2025-06-06' });
    expect(toIntegrationMessages(history[2]).map((m) => [m.type, m.payload])).toEqual([
      ['applicants.applicant-deregistration-reversed.v1', expect.objectContaining({ applicantId: accounts.reversal.id, deregisteredOn: '2025-06-12', queueStartDate: '2024-03-10' })],
      ['applicants.queue-standing-changed.v1', { applicantId: accounts.reversal.id, status: 'active', queueStartDate: '2024-03-10', effectiveFrom: '2025-06-12', reason: 'fee-paid-in-time' }],
    ]);

    // The job neither deregisters it again nor finds a reversal left to complete.
    expect((await runJob('2025-06-14').expect(200)).body).toMatchObject({ days: 1, deregistered: 0, reversed: 0 });
    expect((await applicantEvents(accounts.reversal.id)).map((e) => e.type)).toHaveLength(3);
  });

  test('the job runs only for admins and never for a day that has not come', async () => {
    await request(server()).post('/applicants/fees/jobs/run').set('authorization', tokens.staff).send({}).expect(403);
    expect((await runJob('2999-01-01').expect(422)).body).toMatchObject({ status: 422 });
    expect((await runJob('2025-13-01').expect(400)).body.errors).toEqual([{ field: 'today', messages: expect.any(Array) }]);
  });

  test('after a restart the job continues from its last completed day and catches up to the exact day', async () => {
    await app.close();
    await start();
    // The partly paid account (due 2025-04-01, day 90 Monday 30 June) lapses after settling on 1, 2 and 3 July, inside this catch-up.
    expect((await runJob('2025-07-10').expect(200)).body).toEqual({ from: '2025-06-15', to: '2025-07-10', days: 26, noticesIssued: 0, deregistered: 1, reversed: 0 });
    expect((await applicantEvents(accounts.later.id)).find((e) => e.type === 'applicant-deregistered')?.data).toMatchObject({ on: '2025-07-04', dueDate: '2025-04-01' });
    const { rows } = await infra.pool.query(`SELECT last_completed_day::text AS day FROM applicants.fee_job_progress`);
    expect(rows).toEqual([{ day: '2025-07-10' }]);
  });

  test('staff resolve discrepancies: a payment matched to its notice pays it and reverses the deregistration; a resolution is final and leaves the list', async () => {
    expect((await applicantEvents(accounts.unpaid.id)).map((e) => e.type)).toEqual(['applicant-registered', 'applicant-deregistered']);
    const note = 'The seeker wrote an old reference; the money was for the 2025 notice';
    const matched = await resolve({ discrepancyId: 'bank:M-3', resolution: 'matched', reference: references.unpaid, note }).expect(201);
    expect(matched.body).toMatchObject({
      discrepancyId: 'bank:M-3',
      resolution: 'matched',
      resolvedBy: 'staff-1',
      amount: 200,
      match: { reference: references.unpaid, applicantId: accounts.unpaid.id, paymentId: 'resolution:bank:M-3' },
      // Dated as the bank paid it (2025-02-10, within grace): the fee rules apply it and the lapse is undone.
      payment: { outcome: 'paid', reason: 'deregistration-reversed', applied: 200, applicantId: accounts.unpaid.id },
    });
    expect((await applicantEvents(accounts.unpaid.id)).map((e) => e.type)).toEqual(['applicant-registered', 'applicant-deregistered', 'deregistration-reversed']);

    const again = await resolve({ discrepancyId: 'bank:M-3', resolution: 'refunded', note: 'Paid back to the sender' }).expect(409);
    expect(again.body).toMatchObject({ type: 'https://bostadsko.se/problems/discrepancy-already-resolved', resolution: 'matched', resolvedBy: 'staff-1' });
    expect(again.headers['content-type']).toContain('application/problem+json');

    await resolve({ discrepancyId: 'bank:M-1', resolution: 'refunded', note: 'Paid too early, and paid again in time: the first is paid back' }).expect(201);
    const open = await eventually(discrepancies, (items) => !items.some((d) => d.id === 'bank:M-1' || d.id === 'bank:M-3'));
    expect(open.length).toBeGreaterThan(0);
    const resolved = await discrepancies('resolved');
    expect(resolved.map((d) => d.id).sort()).toEqual(['bank:M-1', 'bank:M-3']);
    expect(resolved.find((d) => d.id === 'bank:M-1')?.resolution).toMatchObject({ resolution: 'refunded', resolvedBy: 'staff-1', match: null });

    expect((await fees(accounts.unpaid.id).expect(200)).body).toMatchObject({
      notices: [expect.objectContaining({ status: 'paid', paidOn: '2025-02-10' })],
      resolutions: [expect.objectContaining({ discrepancyId: 'bank:M-3', kind: 'unmatched', resolution: 'matched', note, amount: 200, paidOn: '2025-02-10' })],
    });
    expect((await fees(accounts.exact.id).expect(200)).body.resolutions).toEqual([expect.objectContaining({ discrepancyId: 'bank:M-1', reason: 'too-early', resolution: 'refunded' })]);
  });

  test('a resolution that does not fit is refused with problem details and records nothing', async () => {
    const underpaid = (await discrepancies()).find((d) => d.reason === 'underpaid');
    expect(underpaid).toBeDefined();
    const refused = await resolve({ discrepancyId: underpaid?.id, resolution: 'refunded', note: 'Pay it back' }).expect(422);
    expect(refused.body).toMatchObject({ status: 422, type: 'https://bostadsko.se/problems/resolution-not-allowed' });
    const late = (await discrepancies()).find((d) => d.reason === 'late');
    expect((await resolve({ discrepancyId: late?.id, resolution: 'matched', reference: ocrFromNumber(987654321), note: 'Meant for another notice' }).expect(422)).body).toMatchObject({
      type: 'https://bostadsko.se/problems/no-such-notice',
    });
    expect((await resolve({ discrepancyId: late?.id, resolution: 'matched', reference: '12345678', note: 'A mistyped reference' }).expect(400)).body.errors).toEqual([
      { field: 'reference', messages: expect.any(Array) },
    ]);
    expect((await resolve({ discrepancyId: late?.id, resolution: 'dismissed', note: '' }).expect(400)).body.errors).toEqual([{ field: 'note', messages: expect.any(Array) }]);
    expect((await resolve({ discrepancyId: late?.id, resolution: 'lost', note: 'Whatever it was' }).expect(400)).body.errors).toEqual([{ field: 'resolution', messages: expect.any(Array) }]);
    await resolve({ discrepancyId: 'bank:nothing-like-it', resolution: 'dismissed', note: 'No such payment' }).expect(404);
    await request(server())
      .post('/applicants/fees/discrepancy-resolutions')
      .set('authorization', await token(accounts.exact.id, ['applicant']))
      .send({})
      .expect(403);
    expect(await discrepancies('resolved')).toHaveLength(2);
  });

  test('every fee projection rebuilt from the log equals the one built live', async () => {
    await expectRebuildToEqualLive(
      infra,
      applicantsRebuildTargets,
      FEE_PROJECTIONS.map((p) => p.name),
    );
  });
});
