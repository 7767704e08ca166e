import { StaffRead } from '../../../../libs/access-log/src/staff-read.js';
import { Body, Controller, Get, Headers, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type pg from 'pg';
import type { PersonalDataVault } from '../../../../libs/personal-data/src/personal-data.vault.js';
import { commandContext, CurrentUser, etagOf, NotFound, PG_POOL, revisionFromIfMatch, Roles, type AuthenticatedUser } from '../../../../libs/platform/src/index.js';
import { CommandBus } from '@nestjs/cqrs';
import { ChangeContactDetails, CloseAccount } from './account.handlers.js';
import { ApplicantService } from '../applicant/applicant.service.js';
import { currentDetails, readable, shown } from '../applicant/personal-details.js';
import { VAULT } from '../applicants.tokens.js';
import { stockholmDate } from '../../../../libs/calendar/src/calendar.js';
import { assertSelfOrStaff } from './access.js';
import { AsOfQuery, ChangeContactDto, QueueTimeDto } from './account.dto.js';
import { queueStanding } from './queue-time.query.js';
import { Clock } from '../../../../libs/clock/src/index.js';

interface Reply {
  header(name: string, value: string): unknown;
}

@ApiTags('applicants')
@ApiBearerAuth()
@Roles('applicant', 'staff', 'admin')
@Controller('applicants/:applicantId')
export class AccountController {
  constructor(
    private readonly applicants: ApplicantService,
    private readonly commands: CommandBus,
    @Inject(VAULT) private readonly vault: PersonalDataVault,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    private readonly clock: Clock,
  ) {}

  @Get()
  @StaffRead()
  @ApiOkResponse({ description: 'The account, with an ETag for If-Match on edits' })
  async get(@CurrentUser() user: AuthenticatedUser, @Param('applicantId', ParseUUIDPipe) id: string, @Res({ passthrough: true }) reply: Reply) {
    assertSelfOrStaff(user, id);
    const { state, revision, events } = await this.applicants.load(id);
    if (state.status === 'none' || revision === undefined) throw new NotFound('No such account');
    reply.header('etag', etagOf(revision));
    const today = stockholmDate(this.clock.now());
    return {
      applicantId: id,
      status: state.status,
      registeredOn: state.registeredOn,
      queueStartDate: state.queueStartDate,
      queueDays: (await queueStanding(this.pool, id, today))?.queueDays ?? 0,
      personal: shown(await currentDetails(this.vault, events)),
    };
  }

  @Get('queue-time')
  @ApiOkResponse({ type: QueueTimeDto })
  async queueTime(@CurrentUser() user: AuthenticatedUser, @Param('applicantId', ParseUUIDPipe) id: string, @Query() query: AsOfQuery): Promise<QueueTimeDto> {
    assertSelfOrStaff(user, id);
    const standing = await queueStanding(this.pool, id, query.asOf ?? stockholmDate(this.clock.now()));
    if (!standing) throw new NotFound('No such account (or it is not yet in the queue-time read model)');
    return standing;
  }

  @Get('history')
  @StaffRead()
  @ApiOkResponse({ description: 'Every recorded fact and decision about the account: what, when, who decided and why' })
  async history(@CurrentUser() user: AuthenticatedUser, @Param('applicantId', ParseUUIDPipe) id: string) {
    assertSelfOrStaff(user, id);
    const { state, events } = await this.applicants.load(id);
    if (state.status === 'none') throw new NotFound('No such account');
    return Promise.all(events.map((e) => readable(this.vault, e)));
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
