import { Body, Controller, Get, Inject, NotFoundException, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiClient } from '../../api/api-client.js';
import { ApiRefusal, SessionExpired } from '../../api/api-error.js';
import { PageContext } from '../../server/page-context.js';
import { seeOther, sendPage } from '../../server/responses.js';
import { readAfter, rememberWrite, setFlash, signedIn } from '../../server/session.js';
import { WEB_CONFIG, type WebConfig } from '../../web.config.js';
import { DevMailboxPage } from './dev-mailbox.page.js';
import { MessagePage, MessagesPage } from './messages.page.js';
import type { InboxMessage, KeptMail, MessageThread } from './messages.types.js';
import { PreferencesPage, type Preferences } from './preferences.page.js';
import { fieldProblems } from '../account/field-problems.js';
import { REPLY_FIELD } from './thread.section.js';
import type { FieldMessage } from '../../views/components/form-errors.js';
import { idempotencyKey } from '../landlord/landlord-session.js';

/** Mina sidor → Meddelanden (the seeker's own inbox, from the token), and outside production the development mailbox. */
@Controller()
export class MessagesController {
  constructor(
    private readonly pages: PageContext,
    private readonly api: ApiClient,
    @Inject(WEB_CONFIG) private readonly config: WebConfig,
  ) {}

  @Get('mina-sidor/meddelanden')
  async list(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const [view, messages] = await Promise.all([this.pages.view(request, reply), this.api.get<InboxMessage[]>('messages', '/messages', this.as(request))]);
    sendPage(reply, <MessagesPage view={view} messages={messages.body} />);
  }

  @Get('mina-sidor/meddelanden/installningar')
  async preferences(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const [view, preferences] = await Promise.all([this.pages.view(request, reply), this.api.get<Preferences>('messages', `/messages/people/${this.seekerId(request)}/preferences`, this.as(request))]);
    sendPage(reply, <PreferencesPage view={view} preferences={preferences.body} />);
  }

  /** One form, several settings: each changed one is written (the messages app records only what differs). */
  @Post('mina-sidor/meddelanden/installningar')
  async savePreferences(@Body() body: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const id = this.seekerId(request);
    const current = (await this.api.get<Preferences>('messages', `/messages/people/${id}/preferences`, this.as(request))).body;
    const language = body.language === 'en' ? 'en' : 'sv';
    if (language !== current.language) rememberWrite(request, (await this.api.post('messages', `/messages/people/${id}/language`, { ...this.as(request), body: { language } })).logPosition);
    for (const [kind, on] of Object.entries(current.email)) {
      const email = body[`email-${kind}`] === 'on';
      if (email !== on) rememberWrite(request, (await this.api.post('messages', `/messages/people/${id}/email`, { ...this.as(request), body: { kind, email } })).logPosition);
    }
    setFlash(request, { kind: 'success', key: 'preferences.saved' });
    seeOther(reply, '/mina-sidor/meddelanden/installningar');
  }

  @Get('mina-sidor/meddelanden/:messageId')
  async one(@Param('messageId', ParseUUIDPipe) id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.showMessage(request, reply, id);
  }

  /** A reply under a message about a letting; refused (empty, too long, a message that takes none), the page again with the reason at the field. */
  @Post('mina-sidor/meddelanden/:messageId/svar')
  async reply(@Param('messageId', ParseUUIDPipe) id: string, @Body() body: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const text = typeof body[REPLY_FIELD] === 'string' ? body[REPLY_FIELD] : '';
    try {
      rememberWrite(request, (await this.api.post('messages', `/messages/${id}/replies`, { ...this.as(request), idempotencyKey: idempotencyKey(body), body: { text } })).logPosition);
    } catch (error) {
      if (!(error instanceof ApiRefusal) || error.status === 404 || error.status === 403) throw error;
      const { locale } = await this.pages.view(request, reply);
      const errors = fieldProblems(error, locale, { field: REPLY_FIELD, key: 'threads.refused' }, { text: REPLY_FIELD });
      await this.showMessage(request, reply, id, { text, errors }, error.status);
      return;
    }
    setFlash(request, { kind: 'success', key: 'threads.sent' });
    seeOther(reply, `/mina-sidor/meddelanden/${encodeURIComponent(id)}#trad`);
  }

  private async showMessage(request: FastifyRequest, reply: FastifyReply, id: string, refused?: { text: string; errors: FieldMessage[] }, status = 200): Promise<void> {
    const [view, message, thread] = await Promise.all([
      this.pages.view(request, reply),
      this.api.get<InboxMessage>('messages', `/messages/${id}`, this.as(request)),
      this.api.get<MessageThread>('messages', `/messages/${id}/thread`, this.as(request)),
    ]);
    sendPage(reply, <MessagePage view={view} message={message.body} thread={thread.body} refused={refused} />, status);
  }

  @Post('mina-sidor/meddelanden/:messageId/las')
  async read(@Param('messageId', ParseUUIDPipe) id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    rememberWrite(request, (await this.api.post('messages', `/messages/${id}/read`, this.as(request))).logPosition);
    setFlash(request, { kind: 'success', key: 'messages.markedRead' });
    seeOther(reply, `/mina-sidor/meddelanden/${encodeURIComponent(id)}`);
  }

  @Get('dev/mejl')
  async devMailbox(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    if (this.config.NODE_ENV === 'production') throw new NotFoundException();
    const [view, mails] = await Promise.all([this.pages.view(request, reply), this.api.get<KeptMail[]>('messages', '/dev/mailbox')]);
    sendPage(reply, <DevMailboxPage view={view} mails={mails.body} />);
  }

  private seekerId(request: FastifyRequest): string {
    const seeker = signedIn(request, 'seeker');
    if (!seeker) throw new SessionExpired();
    return seeker.applicantId;
  }

  private as(request: FastifyRequest) {
    const seeker = signedIn(request, 'seeker');
    if (!seeker) throw new SessionExpired();
    return { token: seeker.token, readAfter: readAfter(request) };
  }
}
