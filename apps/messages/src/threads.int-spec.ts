import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { AccountClosedV1, ApplicationSubmittedV1, ContactDetailsChangedV1 } from '@bostadsko/contracts';
import { stockholmDate } from '@bostadsko/calendar';
import type { Infrastructure } from '@bostadsko/runtime';
import { expectRebuildToEqualLive } from '@bostadsko/testing';
import { eventually } from '../../../test/support/eventually.js';
import { busMessage, feeNoticeIssued, seededToken, startMessagesApp, tokenFor, type MessagesAppOverSmtp } from '../../../test/support/messages-app.js';
import { messagesRebuildTargets } from './messages.rebuild.js';

const today = stockholmDate(new Date());

interface Inboxed {
  readonly messageId: string;
  readonly kind: string;
  readonly subject: string;
  readonly paragraphs: string[];
}

describe('replies and threads over real SMTP on real PostgreSQL', () => {
  let messagesApp: MessagesAppOverSmtp;
  let app: NestFastifyApplication;
  let infra: Infrastructure;
  let staff: string;
  const http = () => request(app.getHttpServer());
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const reason = { 'x-access-reason': 'Ärende 2026-17 svar till sökande' };
  const mailTo = (address: string) => messagesApp.mailTo(address);

  /** A seeker with an address, an application received and a fee notice in their inbox. */
  const seekerWithMessages = async () => {
    const id = randomUUID();
    const email = `threads-${id.slice(0, 8)}@example.se`;
    await infra.bus.publish([
      busMessage(ContactDetailsChangedV1.type, id, { applicantId: id, email }),
      busMessage(ApplicationSubmittedV1.type, id, { applicationId: randomUUID(), listingId: randomUUID(), applicantId: id, submittedOn: today }),
      feeNoticeIssued(id),
    ]);
    const token = await tokenFor(app, { id, roles: ['applicant'] });
    const inbox = await eventually(
      () =>
        http()
          .get('/messages')
          .set(bearer(token))
          .then((r) => r.body as Inboxed[]),
      (rows) => rows.length === 2,
    );
    const byKind = (kind: string) => inbox.find((m) => m.kind === kind)!;
    return { id, email, token, application: byKind('application-received'), fee: byKind('fee-notice-issued') };
  };

  beforeAll(async () => {
    messagesApp = await startMessagesApp({ database: 'messages_threads', seedAccounts: 'staff:staff@test.se:Staff-pass-1', devMailbox: true });
    ({ app, infra } = messagesApp);
    staff = await seededToken(app, 'staff@test.se', 'Staff-pass-1');
  });

  afterAll(() => messagesApp?.close());

  test('a seeker replies to a message about a letting; staff see the thread waiting and answer; the answer is in the inbox and mailed; a reply to it continues the thread', async () => {
    const { id, email, token, application } = await seekerWithMessages();
    const reply = (await http().post(`/messages/${application.messageId}/replies`).set(bearer(token)).send({ text: '  Kan jag ändra min intresseanmälan?  ' }).expect(201)).body as {
      replyId: string;
      threadId: string;
    };
    expect(reply.threadId).toBe(application.messageId);

    const waitingList = () =>
      http()
        .get('/messages/threads/waiting')
        .set(bearer(staff))
        .expect(200)
        .then((r) => r.body as Array<{ threadId: string; applicantId: string; about: string }>);
    const waiting = await eventually(waitingList, (list) => list.some((t) => t.threadId === reply.threadId));
    expect(waiting).toContainEqual(expect.objectContaining({ threadId: reply.threadId, applicantId: id, about: application.subject }));
    const threads = (await http().get(`/messages/people/${id}/threads`).set(bearer(staff)).set(reason).expect(200)).body;
    expect(threads).toEqual([expect.objectContaining({ threadId: reply.threadId, waiting: true, entries: [expect.objectContaining({ from: 'seeker', text: 'Kan jag ändra min intresseanmälan?' })] })]);

    const answer = (
      await http().post(`/messages/people/${id}/threads/${reply.threadId}/answers`).set(bearer(staff)).send({ text: 'Ja, under Mina ansökningar.\n\nHälsningar, bostadskön' }).expect(201)
    ).body as { messageId: string };
    const inbox = await eventually(
      () =>
        http()
          .get('/messages')
          .set(bearer(token))
          .then((r) => r.body as Inboxed[]),
      (rows) => rows.some((m) => m.messageId === answer.messageId),
    );
    expect(inbox.find((m) => m.messageId === answer.messageId)).toMatchObject({
      kind: 'thread-answer',
      subject: `Svar: ${application.subject}`,
      paragraphs: ['Ja, under Mina ansökningar.', 'Hälsningar, bostadskön', expect.stringContaining('Mina sidor')],
    });
    const mails = await eventually(
      () => mailTo(email),
      (kept) => kept.some((m) => m.subject.startsWith('Svar:')),
    );
    expect(mails.filter((m) => m.subject.startsWith('Svar:'))).toHaveLength(1);
    expect(mails.find((m) => m.subject.startsWith('Svar:'))?.text).toContain('Ja, under Mina ansökningar.');
    expect((await eventually(waitingList, (list) => !list.some((t) => t.threadId === reply.threadId))).map((t) => t.threadId)).not.toContain(reply.threadId);

    // The answer can be replied to, and the reply joins the thread the answer belongs to.
    const again = (await http().post(`/messages/${answer.messageId}/replies`).set(bearer(token)).send({ text: 'Tack!' }).expect(201)).body;
    expect(again.threadId).toBe(reply.threadId);
    const seen = await eventually(
      () =>
        http()
          .get(`/messages/${answer.messageId}/thread`)
          .set(bearer(token))
          .then((r) => r.body as { entries: Array<{ from: string; text: string }> }),
      (thread) => thread.entries.length === 3,
    );
    expect(seen).toMatchObject({ threadId: reply.threadId, replyable: true });
    expect(seen.entries.map((e) => [e.from, e.text])).toEqual([
      ['seeker', 'Kan jag ändra min intresseanmälan?'],
      ['staff', 'Ja, under Mina ansökningar.\n\nHälsningar, bostadskön'],
      ['seeker', 'Tack!'],
    ]);
    expect((await waitingList()).map((t) => t.threadId)).toContain(reply.threadId);

    // The thread is part of the letting record: in the seeker's register extract.
    const extract = (await http().get(`/messages/people/${id}/extract`).set(bearer(token)).expect(200)).body;
    expect(extract.records).toContainEqual({ type: 'thread', at: expect.any(String), data: expect.objectContaining({ threadId: reply.threadId, entries: expect.any(Array) }) });
  });

  test('bad replies are problems at the field, a fee notice takes no reply, and nothing is kept of them; staff cannot answer a thread nobody began', async () => {
    const { id, token, application, fee } = await seekerWithMessages();
    const empty = await http().post(`/messages/${application.messageId}/replies`).set(bearer(token)).send({ text: '   ' }).expect(400);
    expect(empty.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(empty.body.errors).toEqual([expect.objectContaining({ field: 'text' })]);
    await http()
      .post(`/messages/${application.messageId}/replies`)
      .set(bearer(token))
      .send({ text: 'x'.repeat(4001) })
      .expect(400);
    const refused = await http().post(`/messages/${fee.messageId}/replies`).set(bearer(token)).send({ text: 'Jag har betalat' }).expect(422);
    expect(refused.body.type).toBe('https://bostadsko.se/problems/messages/not-replyable');
    await http().post(`/messages/${randomUUID()}/replies`).set(bearer(token)).send({ text: 'Hej' }).expect(404);
    expect((await http().get(`/messages/${fee.messageId}/thread`).set(bearer(token)).expect(200)).body).toEqual({ threadId: null, replyable: false, entries: [] });
    await http().post(`/messages/people/${id}/threads/${application.messageId}/answers`).set(bearer(staff)).send({ text: 'Hej' }).expect(404);
    const stream = (await infra.store.readStream(`person_messages-${id}`)).map((e) => e.type);
    expect(stream).not.toContain('reply-sent');
    expect(stream).not.toContain('thread-answered');
    // A seeker cannot answer as staff, nor read the waiting list.
    await http().post(`/messages/people/${id}/threads/${application.messageId}/answers`).set(bearer(token)).send({ text: 'Hej' }).expect(403);
    await http().get('/messages/threads/waiting').set(bearer(token)).expect(403);
  });

  test('addresses, replies and answers naming a person are sealed: the raw event rows hold none of them in clear; closing the account erases the threads', async () => {
    const { id, email, token, application } = await seekerWithMessages();
    const name = 'Astrid Lindqvist-Öberg';
    await http()
      .post(`/messages/${application.messageId}/replies`)
      .set(bearer(token))
      .send({ text: `Jag heter ${name} och vill byta visningstid.` })
      .expect(201);
    await http()
      .post(`/messages/people/${id}/threads/${application.messageId}/answers`)
      .set(bearer(staff))
      .send({ text: `Hej ${name}, vi ordnar det.` })
      .expect(201);
    const { rows } = await infra.pool.query<{ type: string; data: string }>(`SELECT type, data::text FROM es.events WHERE stream_id = $1`, [`person_messages-${id}`]);
    expect(rows.map((r) => r.type)).toEqual(expect.arrayContaining(['email-address-noted', 'message-recorded', 'reply-sent', 'thread-answered']));
    for (const row of rows) {
      expect(row.data).not.toContain(email);
      expect(row.data).not.toContain('Lindqvist');
      expect(row.data).not.toContain('visningstid');
    }

    await infra.bus.publish([busMessage(AccountClosedV1.type, id, { applicantId: id, on: today })]);
    await eventually(
      () => infra.pool.query(`SELECT 1 FROM messages.thread_entries WHERE applicant_id = $1`, [id]).then((r) => r.rowCount),
      (count) => count === 0,
    );
    const gone = await eventually(
      () =>
        http()
          .get(`/messages/${application.messageId}/thread`)
          .set(bearer(token))
          .then((r) => r.status),
      (status) => status === 404,
    );
    expect(gone).toBe(404);
  });

  test('the threads read model rebuilt from the log equals the one built live', async () => {
    await expectRebuildToEqualLive(infra, messagesRebuildTargets, ['threads', 'inbox']);
  });
});
