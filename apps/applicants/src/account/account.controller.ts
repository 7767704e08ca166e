import { StaffRead } from '@bostadsko/access-log';
import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { commandContext, CurrentUser, etagOf, revisionFromIfMatch, Roles, type AuthenticatedUser } from '@bostadsko/platform';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { AccountHistory, AccountOf, QueueTimeOf } from './account.queries.js';
import { shown } from '../applicant/personal-details.js';
import { ChangeContactDetails, CloseAccount } from './account.handlers.js';
import { assertSelfOrStaff } from './access.js';
import { AsOfQuery, ChangeContactDto, QueueTimeDto } from './account.dto.js';

interface Reply {
  header(name: string, value: string): unknown;
}

@ApiTags('applicants')
@ApiBearerAuth()
@Roles('applicant', 'staff', 'admin')
@Controller('applicants/:applicantId')
export class AccountController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @StaffRead()
  @ApiOkResponse({ description: 'The account, with an ETag for If-Match on edits' })
  async get(@CurrentUser() user: AuthenticatedUser, @Param('applicantId', ParseUUIDPipe) id: string, @Res({ passthrough: true }) reply: Reply) {
    assertSelfOrStaff(user, id);
    const { account, revision } = await this.queries.execute(new AccountOf(id));
    reply.header('etag', etagOf(revision));
    return account;
  }

  @Get('queue-time')
  @ApiOkResponse({ type: QueueTimeDto })
  async queueTime(@CurrentUser() user: AuthenticatedUser, @Param('applicantId', ParseUUIDPipe) id: string, @Query() query: AsOfQuery): Promise<QueueTimeDto> {
    assertSelfOrStaff(user, id);
    return this.queries.execute(new QueueTimeOf(id, query.asOf));
  }

  @Get('history')
  @StaffRead()
  @ApiOkResponse({ description: 'Every recorded fact and decision about the account: what, when, who decided and why' })
  async history(@CurrentUser() user: AuthenticatedUser, @Param('applicantId', ParseUUIDPipe) id: string) {
    assertSelfOrStaff(user, id);
    return this.queries.execute(new AccountHistory(id));
  }

  @Patch('contact')
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag from GET; a stale one gives 412' })
  async changeContact(
    @CurrentUser() user: AuthenticatedUser,
    @Param('applicantId', ParseUUIDPipe) id: string,
    @Body() body: ChangeContactDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    assertSelfOrStaff(user, id);
    const { details, revision } = await this.commands.execute(new ChangeContactDetails(id, { ...body }, commandContext(user.id, revisionFromIfMatch(ifMatch))));
    if (revision !== undefined) reply.header('etag', etagOf(revision));
    return shown(details);
  }

  @Post('close')
  @HttpCode(200)
  @ApiHeader({ name: 'If-Match', required: false })
  async close(@CurrentUser() user: AuthenticatedUser, @Param('applicantId', ParseUUIDPipe) id: string, @Headers('if-match') ifMatch: string | undefined) {
    assertSelfOrStaff(user, id);
    const status = await this.commands.execute(new CloseAccount(id, commandContext(user.id, revisionFromIfMatch(ifMatch))));
    return { applicantId: id, status };
  }
}
