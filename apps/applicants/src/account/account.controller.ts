import { StaffRead } from '@bostadsko/access-log';
import { Body, Controller, Get, Headers, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { PersonalDataVault } from '@bostadsko/personal-data';
import { CurrentUser, currentCorrelationId, etagOf, NotFound, PG_POOL, revisionFromIfMatch, Roles, type AuthenticatedUser } from '@bostadsko/platform';
import { ApplicantService } from '../applicant/applicant.service.js';
import { currentDetails, readable, shown } from '../applicant/personal-details.js';
import { VAULT } from '../applicants.tokens.js';
import { stockholmDate } from '@bostadsko/calendar';
import { assertSelfOrStaff } from './access.js';
import { AsOfQuery, ChangeContactDto, QueueTimeDto } from './account.dto.js';
import { withIfMatch } from './if-match.js';
import { queueStanding } from './queue-time.query.js';
import { Clock } from '@bostadsko/clock';

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
    const expectedRevision = revisionFromIfMatch(ifMatch);
    const { events } = await this.applicants.load(id);
    const details = await currentDetails(this.vault, events);
    if (!details) throw new NotFound('No such account, or its personal data has been erased');
    const personal = await this.vault.seal(id, { ...details, ...body });
    const result = await withIfMatch(expectedRevision, () =>
      this.applicants.handle(id, { type: 'change-personal-details', personal, changedBy: user.id }, { correlationId: currentCorrelationId() ?? randomUUID(), actor: user.id, expectedRevision }),
    );
    if (result.revision !== undefined) reply.header('etag', etagOf(result.revision));
    return shown({ ...details, ...body });
  }

  @Post('close')
  @HttpCode(200)
  @ApiHeader({ name: 'If-Match', required: false })
  async close(@CurrentUser() user: AuthenticatedUser, @Param('applicantId', ParseUUIDPipe) id: string, @Headers('if-match') ifMatch: string | undefined) {
    assertSelfOrStaff(user, id);
    const expectedRevision = revisionFromIfMatch(ifMatch);
    const result = await withIfMatch(expectedRevision, () =>
      this.applicants.handle(
        id,
        { type: 'close', on: stockholmDate(this.clock.now()), closedBy: user.id },
        { correlationId: currentCorrelationId() ?? randomUUID(), actor: user.id, expectedRevision },
      ),
    );
    return { applicantId: id, status: result.state.status };
  }
}
