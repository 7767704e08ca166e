import { Body, Controller, ForbiddenException, Get, HttpCode, Param, ParseUUIDPipe, Post, UnauthorizedException } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsBoolean, IsIn } from 'class-validator';
import { commandContext, CurrentUser, NotFound, Roles, type AuthenticatedUser } from '@bostadsko/platform';
import { InboxMessageOf, ListInbox } from '../inbox/inbox.queries.js';
import type { InboxMessage } from '../inbox/inbox.query.js';
import { MarkMessageRead } from '../inbox/mark-read.handler.js';
import type { MessageKind } from '../inbox/person-messages.events.js';
import { LANDLORD_OPTIONAL_EMAIL_KINDS } from '../policy/messages-policy.js';
import { ChooseLandlordEmail } from './landlord-preferences.handler.js';
import { LandlordPreferencesOf, LandlordUnreadCount, LandlordUserStatus, type LandlordPreferences } from './landlord-inbox.queries.js';

class LandlordEmailPreferenceDto {
  @ApiProperty({ enum: LANDLORD_OPTIONAL_EMAIL_KINDS }) @IsIn(LANDLORD_OPTIONAL_EMAIL_KINDS) kind: MessageKind;
  @ApiProperty() @IsBoolean() email: boolean;
}

class UnreadCount {
  @ApiProperty() unread: number;
}

/**
 * The signed-in landlord user's own inbox (role landlord, subject = user id): proposals waiting
 * for a decision, agreement changes, answers to cases, kept as records like a seeker's. A user
 * the landlords app removed is refused at once, as is a token naming another organisation.
 */
@ApiTags('messages')
@ApiBearerAuth()
@Controller('messages/landlord')
export class LandlordInboxController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('inbox')
  @Roles('landlord')
  @ApiOkResponse({ description: 'The landlord user’s messages, newest first, with subject, words and whether read' })
  async list(@CurrentUser() user: AuthenticatedUser): Promise<InboxMessage[]> {
    return this.queries.execute(new ListInbox(await this.landlordUser(user)));
  }

  @Get('inbox/unread')
  @Roles('landlord')
  @ApiOkResponse({ type: UnreadCount, description: 'How many of the landlord user’s messages are unread' })
  async unread(@CurrentUser() user: AuthenticatedUser): Promise<UnreadCount> {
    return { unread: await this.queries.execute(new LandlordUnreadCount(await this.landlordUser(user))) };
  }

  @Get('inbox/:messageId')
  @Roles('landlord')
  async one(@CurrentUser() user: AuthenticatedUser, @Param('messageId', ParseUUIDPipe) messageId: string): Promise<InboxMessage> {
    const message = await this.queries.execute(new InboxMessageOf(await this.landlordUser(user), messageId));
    if (!message) throw new NotFound('No such message');
    return message;
  }

  @Post('inbox/:messageId/read')
  @Roles('landlord')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Marked read (again is harmless)' })
  async read(@CurrentUser() user: AuthenticatedUser, @Param('messageId', ParseUUIDPipe) messageId: string): Promise<void> {
    await this.commands.execute(new MarkMessageRead(await this.landlordUser(user), messageId, commandContext(user.id)));
  }

  @Get('preferences')
  @Roles('landlord')
  @ApiOkResponse({ description: 'The language (set in the landlords app) and, for each kind a landlord user may turn off, whether it is e-mailed' })
  async preferences(@CurrentUser() user: AuthenticatedUser): Promise<LandlordPreferences> {
    return this.queries.execute(new LandlordPreferencesOf(await this.landlordUser(user)));
  }

  @Post('preferences/email')
  @Roles('landlord')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Messages of this kind are e-mailed, or kept in the inbox only, from now on; a proposal waiting for a decision is always e-mailed' })
  async email(@CurrentUser() user: AuthenticatedUser, @Body() body: LandlordEmailPreferenceDto): Promise<void> {
    await this.commands.execute(new ChooseLandlordEmail(await this.landlordUser(user), body.kind, body.email, commandContext(user.id)));
  }

  private async landlordUser(user: AuthenticatedUser): Promise<string> {
    if (!user.roles.includes('landlord')) throw new ForbiddenException('Only a landlord user has a landlord inbox');
    const known = await this.queries.execute(new LandlordUserStatus(user.id));
    if (known && (known.status === 'removed' || known.landlordId !== user.landlordId)) {
      throw new UnauthorizedException('This landlord user has been removed; the token is no longer accepted');
    }
    return user.id;
  }
}
