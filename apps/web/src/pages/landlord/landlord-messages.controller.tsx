import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiClient } from '../../api/api-client.js';
import { PageContext } from '../../server/page-context.js';
import { seeOther, sendPage } from '../../server/responses.js';
import { rememberWrite, setFlash } from '../../server/session.js';
import type { InboxMessage } from '../messages/messages.types.js';
import { LandlordMessagePage, LandlordMessagesPage, LandlordPreferencesPage, type LandlordPreferences } from './landlord-messages.page.js';
import { asLandlord, requireLandlord } from './landlord-session.js';

/**
 * Hyresvärdsportalen → Meddelanden: the signed-in landlord user's own inbox (the messages app
 * takes the user from the token, so another user's message is a 404), and which kinds are e-mailed.
 */
@Controller('hyresvard/meddelanden')
export class LandlordMessagesController {
  constructor(
    private readonly pages: PageContext,
    private readonly api: ApiClient,
  ) {}

  @Get()
  async list(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const call = asLandlord(request, requireLandlord(request));
    const [view, messages] = await Promise.all([this.pages.view(request, reply), this.api.get<InboxMessage[]>('messages', '/messages/landlord/inbox', call)]);
    sendPage(reply, <LandlordMessagesPage view={view} messages={messages.body} />);
  }

  /** The language is the landlords app's (it tells the messages app), read there so a change just made shows at once. */
  @Get('installningar')
  async preferences(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const call = asLandlord(request, requireLandlord(request));
    const [view, preferences, me] = await Promise.all([
      this.pages.view(request, reply),
      this.api.get<LandlordPreferences>('messages', '/messages/landlord/preferences', call),
      this.api.get<{ language: 'sv' | 'en' }>('landlords', '/landlords/me', call),
    ]);
    sendPage(reply, <LandlordPreferencesPage view={view} preferences={{ ...preferences.body, language: me.body.language }} />);
  }

  /** One form, several settings: each changed one is written (the apps record only what differs). */
  @Post('installningar')
  async savePreferences(@Body() body: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const call = asLandlord(request, requireLandlord(request));
    const [current, me] = await Promise.all([
      this.api.get<LandlordPreferences>('messages', '/messages/landlord/preferences', call).then((answer) => answer.body),
      this.api.get<{ language: 'sv' | 'en' }>('landlords', '/landlords/me', call).then((answer) => answer.body),
    ]);
    const language = body.language === 'en' ? 'en' : 'sv';
    if (language !== me.language) rememberWrite(request, (await this.api.post('landlords', '/landlords/me/language', { ...call, body: { language } })).logPosition);
    for (const [kind, on] of Object.entries(current.email)) {
      const email = body[`email-${kind}`] === 'on';
      if (email !== on) rememberWrite(request, (await this.api.post('messages', '/messages/landlord/preferences/email', { ...call, body: { kind, email } })).logPosition);
    }
    setFlash(request, { kind: 'success', key: 'preferences.saved' });
    seeOther(reply, '/hyresvard/meddelanden/installningar');
  }

  @Get(':messageId')
  async one(@Param('messageId', ParseUUIDPipe) id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const call = asLandlord(request, requireLandlord(request));
    const [view, message] = await Promise.all([this.pages.view(request, reply), this.api.get<InboxMessage>('messages', `/messages/landlord/inbox/${id}`, call)]);
    sendPage(reply, <LandlordMessagePage view={view} message={message.body} />);
  }

  @Post(':messageId/las')
  async read(@Param('messageId', ParseUUIDPipe) id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const call = asLandlord(request, requireLandlord(request));
    rememberWrite(request, (await this.api.post('messages', `/messages/landlord/inbox/${id}/read`, call)).logPosition);
    setFlash(request, { kind: 'success', key: 'messages.markedRead' });
    seeOther(reply, `/hyresvard/meddelanden/${encodeURIComponent(id)}`);
  }
}
