import { Controller, ForbiddenException, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { commandContext, CurrentUser, NotFound, Roles, type AuthenticatedUser } from '@bostadsko/platform';
import { InboxMessageOf, ListInbox } from './inbox.queries.js';
import type { InboxMessage } from './inbox.query.js';
import { MarkMessageRead } from './mark-read.handler.js';

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
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @Roles('applicant')
  @ApiOkResponse({ description: 'The seeker’s messages, newest first, with subject, words and whether read' })
  list(@CurrentUser() user: AuthenticatedUser): Promise<InboxMessage[]> {
    return this.queries.execute(new ListInbox(applicantOf(user)));
  }

  @Get(':messageId')
  @Roles('applicant')
  async one(@CurrentUser() user: AuthenticatedUser, @Param('messageId', ParseUUIDPipe) messageId: string): Promise<InboxMessage> {
    const message = await this.queries.execute(new InboxMessageOf(applicantOf(user), messageId));
    if (!message) throw new NotFound('No such message');
    return message;
  }

  @Post(':messageId/read')
  @Roles('applicant')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Marked read (again is harmless)' })
  async read(@CurrentUser() user: AuthenticatedUser, @Param('messageId', ParseUUIDPipe) messageId: string): Promise<void> {
    await this.commands.execute(new MarkMessageRead(applicantOf(user), messageId, commandContext(user.id)));
  }
}
