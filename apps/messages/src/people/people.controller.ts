import { StaffRead } from '@bostadsko/access-log';
import type { RegisterExtractSection } from '@bostadsko/personal-data';
import { Body, Controller, ForbiddenException, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsBoolean, IsIn } from 'class-validator';
import { commandContext, CurrentUser, NotFound, Roles, type AuthenticatedUser } from '@bostadsko/platform';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { InboxMessage } from '../inbox/inbox.query.js';
import { ListInbox } from '../inbox/inbox.queries.js';
import { ChooseLanguage } from './choose-language.handler.js';
import { LANGUAGES, type Language, type MessageKind } from '../inbox/person-messages.events.js';
import { EMAIL_SETTING, SEEKER_OPTIONAL_EMAIL_KINDS } from '../policy/messages-policy.js';
import { DigestTimeDto } from '../saved-searches/saved-search.dto.js';
import { ChooseDigestTime, ChooseEmail } from './preferences.handlers.js';
import { PersonOf, type PersonView } from './people.queries.js';
import { RegisterExtractOf } from './register-extract.query.js';

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
    return this.queries.execute(new RegisterExtractOf(applicantId));
  }

  @Get('preferences')
  @Roles('applicant', 'staff', 'admin')
  @ApiOkResponse({
    description:
      'The language messages are written in, the time of the daily saved-search digest, and for each kind the person may turn off whether it is e-mailed; 404 for a person this app has not heard of',
  })
  async preferences(@CurrentUser() user: AuthenticatedUser, @Param('applicantId', ParseUUIDPipe) applicantId: string): Promise<Preferences> {
    assertSelfOrStaff(user, applicantId);
    const person = await this.person(applicantId);
    const off = new Set(person.emailOff);
    return { language: person.language, digestTime: person.digestTime, email: Object.fromEntries(SEEKER_OPTIONAL_EMAIL_KINDS.map((kind) => [kind, !off.has(kind)])) };
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
  private async person(applicantId: string): Promise<PersonView> {
    const person = await this.queries.execute(new PersonOf(applicantId));
    if (!person) throw new NotFound('No such person in the messages app');
    return person;
  }
}
