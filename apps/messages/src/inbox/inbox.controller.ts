import { Controller, ForbiddenException, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { Clock } from '@bostadsko/clock';
import { CurrentUser, currentCorrelationId, NotFound, Roles, type AuthenticatedUser } from '@bostadsko/platform';
import { INBOX, PERSON_MESSAGES } from '../messages.tokens.js';
import type { InboxMessage, InboxQuery } from './inbox.query.js';
import type { PersonMessagesStore } from './person-messages.store.js';

const applicantOf = (user: AuthenticatedUser) => {
  if (!user.roles.includes('applicant')) throw new ForbiddenException('Only a seeker has an inbox of their own; staff read a person’s under /messages/people/{applicantId}');
  return user.id;
};

/** The signed-in seeker's own inbox: every message about their fees and lettings, kept as a record. */
@ApiTags('messages')
@ApiBearerAuth()
@Controller('messages')
export class InboxController {
  constructor(
    @Inject(INBOX) private readonly inbox: InboxQuery,
    @Inject(PERSON_MESSAGES) private readonly people: PersonMessagesStore,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Roles('applicant')
  @ApiOkResponse({ description: 'The seeker’s messages, newest first, with subject, words and whether read' })
  list(@CurrentUser() user: AuthenticatedUser): Promise<InboxMessage[]> {
    return this.inbox.list(applicantOf(user));
  }

  @Get(':messageId')
  @Roles('applicant')
  async one(@CurrentUser() user: AuthenticatedUser, @Param('messageId', ParseUUIDPipe) messageId: string): Promise<InboxMessage> {
    const message = await this.inbox.one(applicantOf(user), messageId);
    if (!message) throw new NotFound('No such message');
    return message;
  }

  @Post(':messageId/read')
  @Roles('applicant')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Marked read (again is harmless)' })
  async read(@CurrentUser() user: AuthenticatedUser, @Param('messageId', ParseUUIDPipe) messageId: string): Promise<void> {
    const now = this.clock.now().toISOString();
    await this.people.handle(applicantOf(user), { type: 'mark-read', messageId, now }, { correlationId: currentCorrelationId() ?? randomUUID(), causationId: null, actor: user.id });
  }
}
