import { StaffRead } from '@bostadsko/access-log';
import { Body, Controller, ForbiddenException, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { commandContext, CurrentUser, NotFound, Roles, type AuthenticatedUser } from '@bostadsko/platform';
import { PersonOf } from '../people/people.queries.js';
import { REPLY_MAX_LENGTH } from './replyable.js';
import { AnswerThread, ReplyToMessage } from './thread.commands.js';
import { MessageThreadOf, ThreadsOfPerson, WaitingThreads } from './threads.queries.js';
import type { MessageThread, Thread, WaitingThread } from './threads.query.js';

class ReplyDto {
  @ApiProperty({ maxLength: REPLY_MAX_LENGTH, example: 'Kan jag komma på visningen en annan dag?' })
  @IsString()
  @Matches(/\S/, { message: 'must not be empty' })
  @MaxLength(REPLY_MAX_LENGTH)
  text: string;
}

const applicantOf = (user: AuthenticatedUser) => {
  if (!user.roles.includes('applicant')) throw new ForbiddenException('Only the seeker replies to their messages; staff answer under /messages/people/{applicantId}/threads');
  return user.id;
};

/** Replies and threads: the seeker replies to a message about a letting; staff see the threads and answer. */
@ApiTags('messages')
@ApiBearerAuth()
@Controller('messages')
export class ThreadsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get(':messageId/thread')
  @Roles('applicant')
  @ApiOkResponse({ description: 'Whether the message may be replied to, and the replies and answers of its thread, oldest first' })
  async thread(@CurrentUser() user: AuthenticatedUser, @Param('messageId', ParseUUIDPipe) messageId: string): Promise<MessageThread> {
    const thread = await this.queries.execute(new MessageThreadOf(applicantOf(user), messageId));
    if (!thread) throw new NotFound('No such message');
    return thread;
  }

  @Post(':messageId/replies')
  @Roles('applicant')
  @ApiCreatedResponse({ description: 'The reply is in the thread; 422 `…/problems/messages/not-replyable` for a message that takes no reply (a fee notice)' })
  reply(@CurrentUser() user: AuthenticatedUser, @Param('messageId', ParseUUIDPipe) messageId: string, @Body() body: ReplyDto): Promise<{ replyId: string; threadId: string }> {
    return this.commands.execute(new ReplyToMessage(applicantOf(user), messageId, body.text.trim(), commandContext(user.id)));
  }

  @Get('threads/waiting')
  @Roles('staff', 'admin')
  @ApiOkResponse({ description: 'Threads whose newest word is the seeker’s, longest waiting first: the thread, the seeker’s id, the subject it began with' })
  waiting(): Promise<WaitingThread[]> {
    return this.queries.execute(new WaitingThreads());
  }

  @Get('people/:applicantId/threads')
  @Roles('staff', 'admin')
  @StaffRead()
  @ApiOkResponse({ description: 'The person’s threads, newest word first, each with its replies and answers' })
  async ofPerson(@Param('applicantId', ParseUUIDPipe) applicantId: string): Promise<Thread[]> {
    await this.known(applicantId);
    return this.queries.execute(new ThreadsOfPerson(applicantId));
  }

  @Post('people/:applicantId/threads/:threadId/answers')
  @Roles('staff', 'admin')
  @ApiCreatedResponse({ description: 'The answer is in the seeker’s inbox and the thread, and e-mailed unless they chose otherwise' })
  answer(
    @CurrentUser() user: AuthenticatedUser,
    @Param('applicantId', ParseUUIDPipe) applicantId: string,
    @Param('threadId', ParseUUIDPipe) threadId: string,
    @Body() body: ReplyDto,
  ): Promise<{ messageId: string }> {
    return this.commands.execute(new AnswerThread(applicantId, threadId, user.id, body.text.trim(), commandContext(user.id)));
  }

  private async known(applicantId: string): Promise<void> {
    if (!(await this.queries.execute(new PersonOf(applicantId)))) throw new NotFound('No such person in the messages app');
  }
}
