import { AccessLog, StaffRead } from '@bostadsko/access-log';
import { DATA_CONTROLLER, type RegisterExtractSection, type PersonalDataVault, type Sealed } from '@bostadsko/personal-data';
import { Body, Controller, ForbiddenException, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsBoolean, IsIn } from 'class-validator';
import { commandContext, CurrentUser, NotFound, Roles, type AuthenticatedUser } from '@bostadsko/platform';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { Clock } from '@bostadsko/clock';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import type { InboxMessage } from '../inbox/inbox.query.js';
import { ListInbox } from '../inbox/inbox.queries.js';
import { ChooseLanguage } from './choose-language.handler.js';
import { LANGUAGES, PERSON_MESSAGES_PREFIX, type Language, type MessageKind } from '../inbox/person-messages.events.js';
import { EMAIL_SETTING, SEEKER_OPTIONAL_EMAIL_KINDS } from '../policy/messages-policy.js';
import { DigestTimeDto } from '../saved-searches/saved-search.dto.js';
import { SavedSearchesOf } from '../saved-searches/saved-searches.query.js';
import { ChooseDigestTime, ChooseEmail } from './preferences.handlers.js';
import { DELIVERIES_TABLE } from '../delivery/deliveries.projection.js';
import { VAULT } from '../messages.tokens.js';
import { PEOPLE_TABLE } from './people.projection.js';
import { ThreadsOfPerson } from '../threads/threads.queries.js';

const isStaff = (user: AuthenticatedUser) => user.roles.includes('staff') || user.roles.includes('admin');

function assertSelfOrStaff(user: AuthenticatedUser, applicantId: string): void {
  if (isStaff(user) || (user.id === applicantId && user.roles.includes('applicant'))) return;
  throw new ForbiddenException('You can only see your own messages');
}

interface Preferences {
  readonly language: Language;
  readonly digestTime: string;
  readonly email: Readonly<Record<string, boolean>>;
}

const KINDS = Object.keys(EMAIL_SETTING) as MessageKind[];

class EmailPreferenceDto {
  @ApiProperty({ enum: KINDS }) @IsIn(KINDS) kind: MessageKind;
  @ApiProperty() @IsBoolean() email: boolean;
}

class LanguageDto {
  @ApiProperty({ enum: LANGUAGES }) @IsIn(LANGUAGES) language: Language;
}

/** A person's messages and how they are reached: the seeker for themselves, staff for anyone (the back office). */
@ApiTags('messages')
@ApiBearerAuth()
@Controller('messages/people/:applicantId')
export class PeopleController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(VAULT) private readonly vault: PersonalDataVault,
    @Inject(INFRASTRUCTURE) private readonly infra: Infrastructure,
    private readonly accessLog: AccessLog,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Roles('staff', 'admin')
  @StaffRead()
  @ApiOkResponse({ description: 'The person’s messages as they see them, newest first' })
  async list(@Param('applicantId', ParseUUIDPipe) applicantId: string): Promise<InboxMessage[]> {
    await this.person(applicantId);
    return this.queries.execute(new ListInbox(applicantId));
  }

  /** The messages app's part of the register extract (registerutdrag): the address, the language, every message and its delivery, staff reads. */
  @Get('extract')
  @Roles('applicant', 'staff', 'admin')
  @StaffRead()
  async extract(@CurrentUser() user: AuthenticatedUser, @Param('applicantId', ParseUUIDPipe) applicantId: string): Promise<RegisterExtractSection> {
    assertSelfOrStaff(user, applicantId);
    const [row, deliveries, messages, accessLog, savedSearches, threads] = await Promise.all([
      this.personOrErased(applicantId),
      this.infra.pool.query<{ message_id: string; state: string; attempts: number; sent_at: Date | null; last_error: string | null }>(
        `SELECT message_id, state, attempts, sent_at, last_error FROM ${DELIVERIES_TABLE} WHERE applicant_id = $1`,
        [applicantId],
      ),
      this.queries.execute(new ListInbox(applicantId)),
      this.accessLog.of(applicantId),
      this.queries.execute(new SavedSearchesOf(applicantId)),
      this.queries.execute(new ThreadsOfPerson(applicantId)),
    ]);
    const byMessage = new Map(deliveries.rows.map((d) => [d.message_id, { state: d.state, attempts: d.attempts, sentAt: d.sent_at?.toISOString() ?? null, lastError: d.last_error }]));
    return {
      app: 'messages',
      controller: DATA_CONTROLLER,
      generatedAt: this.clock.now().toISOString(),
      applicantId,
      purpose:
        'Messages to you about your account, applications and fees: the inbox, your replies and our answers, the e-mail address and language they are sent with, each delivery, and your saved searches and when their alerts are sent.',
      personalData: {
        email: row?.email ? ((await this.vault.open<string>(row.email)) ?? '(erased)') : null,
        language: row?.language ?? null,
        addressFailing: row?.bounced_at ? { since: row.bounced_at.toISOString(), reason: row.bounce_reason } : null,
        digestTime: row?.digest_time ?? null,
        savedSearches,
      },
      records: [
        ...messages.map((m) => ({ type: 'message', at: m.recordedAt, data: { ...m, emailDelivery: byMessage.get(m.messageId) ?? null } })),
        // Replies and staff's answers are letting records too (process 3.2.1), each thread named by the message it began with.
        ...threads.map((t) => ({ type: 'thread', at: t.entries[0]?.at ?? '', data: t })),
      ],
      accessLog,
    };
  }

  @Get('preferences')
  @Roles('applicant', 'staff', 'admin')
  @ApiOkResponse({
    description:
      'The language messages are written in, the time of the daily saved-search digest, and for each kind the person may turn off whether it is e-mailed; 404 for a person this app has not heard of',
  })
  async preferences(@CurrentUser() user: AuthenticatedUser, @Param('applicantId', ParseUUIDPipe) applicantId: string): Promise<Preferences> {
    assertSelfOrStaff(user, applicantId);
    const { rows } = await this.infra.pool.query<{ language: Language; digest_time: string; email_off: string[] }>(
      `SELECT language, digest_time, email_off FROM ${PEOPLE_TABLE} WHERE applicant_id = $1`,
      [applicantId],
    );
    if (!rows[0]) throw new NotFound('No such person in the messages app');
    const off = new Set(rows[0].email_off);
    return { language: rows[0].language, digestTime: rows[0].digest_time, email: Object.fromEntries(SEEKER_OPTIONAL_EMAIL_KINDS.map((kind) => [kind, !off.has(kind)])) };
  }

  @Post('email')
  @Roles('applicant', 'staff', 'admin')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Messages of this kind are e-mailed, or kept in the inbox only, from now on; fee and letting messages cannot be turned off (422 `email-required`)' })
  async email(@CurrentUser() user: AuthenticatedUser, @Param('applicantId', ParseUUIDPipe) applicantId: string, @Body() body: EmailPreferenceDto): Promise<void> {
    assertSelfOrStaff(user, applicantId);
    await this.commands.execute(new ChooseEmail(applicantId, body.kind, body.email, commandContext(user.id)));
  }

  @Post('digest-time')
  @Roles('applicant', 'staff', 'admin')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Daily saved-search alerts are sent at this Swedish time from the next digest on' })
  async digestTime(@CurrentUser() user: AuthenticatedUser, @Param('applicantId', ParseUUIDPipe) applicantId: string, @Body() body: DigestTimeDto): Promise<void> {
    assertSelfOrStaff(user, applicantId);
    await this.commands.execute(new ChooseDigestTime(applicantId, body.digestTime, commandContext(user.id)));
  }

  @Post('language')
  @Roles('applicant', 'staff', 'admin')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Messages from now on are written in this language' })
  async language(@CurrentUser() user: AuthenticatedUser, @Param('applicantId', ParseUUIDPipe) applicantId: string, @Body() body: LanguageDto): Promise<void> {
    assertSelfOrStaff(user, applicantId);
    await this.commands.execute(new ChooseLanguage(applicantId, body.language, commandContext(user.id)));
  }

  /** A person the messages app has heard of (registered or given an address): anyone else is a 404, not an empty answer. */
  /** An erased person's row goes with them, but their stream stays: the extract then says nothing is held; a person never heard of is 404. */
  private async personOrErased(applicantId: string) {
    try {
      return await this.person(applicantId);
    } catch (error) {
      if (error instanceof NotFound && (await this.infra.store.readStream(`${PERSON_MESSAGES_PREFIX}${applicantId}`)).length > 0) return undefined;
      throw error;
    }
  }

  private async person(applicantId: string) {
    const { rows } = await this.infra.pool.query<{ email: Sealed | null; language: Language; digest_time: string; bounced_at: Date | null; bounce_reason: string | null }>(
      `SELECT * FROM ${PEOPLE_TABLE} WHERE applicant_id = $1`,
      [applicantId],
    );
    if (!rows[0]) throw new NotFound('No such person in the messages app');
    return rows[0];
  }
}
