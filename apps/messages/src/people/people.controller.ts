import { AccessLog, StaffRead } from '@bostadsko/access-log';
import { DATA_CONTROLLER, type RegisterExtractSection, type PersonalDataVault, type Sealed } from '@bostadsko/personal-data';
import { Body, Controller, ForbiddenException, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { CurrentUser, currentCorrelationId, NotFound, Roles, type AuthenticatedUser } from '@bostadsko/platform';
import { Clock } from '@bostadsko/clock';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import type { InboxMessage, InboxQuery } from '../inbox/inbox.query.js';
import { LANGUAGES, type Language } from '../inbox/person-messages.events.js';
import type { PersonMessagesStore } from '../inbox/person-messages.store.js';
import { DELIVERIES_TABLE } from '../delivery/deliveries.projection.js';
import { INBOX, PERSON_MESSAGES, VAULT } from '../messages.tokens.js';
import { PEOPLE_TABLE } from './people.projection.js';

const isStaff = (user: AuthenticatedUser) => user.roles.includes('staff') || user.roles.includes('admin');

function assertSelfOrStaff(user: AuthenticatedUser, applicantId: string): void {
  if (isStaff(user) || (user.id === applicantId && user.roles.includes('applicant'))) return;
  throw new ForbiddenException('You can only see your own messages');
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
    @Inject(INBOX) private readonly inbox: InboxQuery,
    @Inject(PERSON_MESSAGES) private readonly people: PersonMessagesStore,
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
    return this.inbox.list(applicantId);
  }

  /** The messages app's part of the register extract (registerutdrag): the address, the language, every message and its delivery, staff reads. */
  @Get('extract')
  @Roles('applicant', 'staff', 'admin')
  @StaffRead()
  async extract(@CurrentUser() user: AuthenticatedUser, @Param('applicantId', ParseUUIDPipe) applicantId: string): Promise<RegisterExtractSection> {
    assertSelfOrStaff(user, applicantId);
    const [row, deliveries, messages, accessLog] = await Promise.all([
      this.person(applicantId),
      this.infra.pool.query<{ message_id: string; state: string; attempts: number; sent_at: Date | null; last_error: string | null }>(
        `SELECT message_id, state, attempts, sent_at, last_error FROM ${DELIVERIES_TABLE} WHERE applicant_id = $1`,
        [applicantId],
      ),
      this.inbox.list(applicantId),
      this.accessLog.of(applicantId),
    ]);
    const byMessage = new Map(deliveries.rows.map((d) => [d.message_id, { state: d.state, attempts: d.attempts, sentAt: d.sent_at?.toISOString() ?? null, lastError: d.last_error }]));
    return {
      app: 'messages',
      controller: DATA_CONTROLLER,
      generatedAt: this.clock.now().toISOString(),
      applicantId,
      purpose: 'Messages to you about your account, applications and fees: the inbox, the e-mail address and language they are sent with, and each delivery.',
      personalData: {
        email: row.email ? ((await this.vault.open<string>(row.email)) ?? '(erased)') : null,
        language: row.language,
        addressFailing: row.bounced_at ? { since: row.bounced_at.toISOString(), reason: row.bounce_reason } : null,
      },
      records: messages.map((m) => ({ type: 'message', at: m.recordedAt, data: { ...m, emailDelivery: byMessage.get(m.messageId) ?? null } })),
      accessLog,
    };
  }

  @Post('language')
  @Roles('applicant', 'staff', 'admin')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Messages from now on are written in this language' })
  async language(@CurrentUser() user: AuthenticatedUser, @Param('applicantId', ParseUUIDPipe) applicantId: string, @Body() body: LanguageDto): Promise<void> {
    assertSelfOrStaff(user, applicantId);
    await this.people.handle(applicantId, { type: 'choose-language', language: body.language }, { correlationId: currentCorrelationId() ?? randomUUID(), causationId: null, actor: user.id });
  }

  /** A person the messages app has heard of (registered or given an address): anyone else is a 404, not an empty answer. */
  private async person(applicantId: string) {
    const { rows } = await this.infra.pool.query<{ email: Sealed | null; language: Language; bounced_at: Date | null; bounce_reason: string | null }>(
      `SELECT * FROM ${PEOPLE_TABLE} WHERE applicant_id = $1`,
      [applicantId],
    );
    if (!rows[0]) throw new NotFound('No such person in the messages app');
    return rows[0];
  }
}
