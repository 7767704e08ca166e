import { Body, Controller, Delete, Get, Headers, HttpCode, Inject, Param, ParseUUIDPipe, Post, Req, Res, UnauthorizedException } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import {
  configuredRules,
  PasswordHasher,
  Public,
  revisionFromIfMatch,
  Roles,
  SignInThrottle,
  THROTTLE_CONFIG,
  THROTTLED_DESCRIPTION,
  TokenService,
  type IssuedToken,
  type ThrottleConfig,
  commandContext,
} from '@bostadsko/platform';
import { isAgency, requireAdministrator, requireMember, type Caller, CurrentCaller } from '../access/caller.js';
import { ChangeLanguageDto, ChangePasswordDto, InviteUserDto, NewUserDto, SignInDto } from './users.dto.js';
import { LandlordSignInAccount } from './sign-in-account.query.js';
import { AddLandlordUser, ChangeLandlordUserLanguage, ChangeLandlordUserPassword, EraseLandlordUser, RemoveLandlordUser } from './user.handlers.js';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { LandlordUserOf, LandlordUsers } from './user.queries.js';

const REFUSED = 'Wrong e-mail or password';

@ApiTags('landlords: users')
@ApiBearerAuth()
@Roles('landlord', 'staff', 'admin')
@Controller('landlords')
export class UsersController {
  // Verified when the address is unknown, so timing does not reveal who has an account.
  private readonly decoy: Promise<string>;

  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly throttle: SignInThrottle,
    @Inject(THROTTLE_CONFIG) private readonly throttleConfig: ThrottleConfig,
  ) {
    this.decoy = hasher.hash(randomUUID());
  }

  @Post('sign-in')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'A landlord user signs in: a bearer token with role landlord and the landlordId claim' })
  @ApiOkResponse({ description: 'A bearer token with the role landlord, the user as subject and the landlordId claim' })
  @ApiUnauthorizedResponse({ description: REFUSED })
  @ApiTooManyRequestsResponse({ description: THROTTLED_DESCRIPTION })
  async signIn(@Body() body: SignInDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<IssuedToken> {
    // Landlord users have no dated policy: their throttling is the platform's configured one, as for staff.
    const attempt = { route: 'landlords', account: body.email.trim().toLowerCase(), request, reply, rules: configuredRules(this.throttleConfig) };
    const token = await this.throttle.attempt(attempt, async () => {
      const holder = await this.queries.execute(new LandlordSignInAccount(body.email));
      const matches = await this.hasher.verify(holder?.passwordHash ?? (await this.decoy), body.password);
      const signedIn = holder?.userId && holder.maySignIn && matches ? await this.tokens.issue({ id: holder.userId, roles: ['landlord'], landlordId: holder.landlordId }) : undefined;
      return { accountId: holder?.userId, signedIn };
    });
    if (!token) throw new UnauthorizedException(REFUSED);
    return token;
  }

  @Get('me')
  @Roles('landlord')
  @ApiOkResponse({ description: 'The signed-in landlord user: organisation and role' })
  async me(@CurrentCaller() caller: Caller) {
    return this.queries.execute(new LandlordUserOf(caller.landlordId!, caller.id, caller.landlordRole));
  }

  @Post('me/password')
  @Roles('landlord')
  @HttpCode(200)
  @ApiOperation({ summary: 'A landlord user changes its own password' })
  async changePassword(@CurrentCaller() caller: Caller, @Body() body: ChangePasswordDto) {
    await this.commands.execute(new ChangeLandlordUserPassword(caller.landlordId!, body.currentPassword, body.newPassword, commandContext(caller.id)));
    return { userId: caller.id, passwordChanged: true };
  }

  @Post('me/language')
  @Roles('landlord')
  @HttpCode(200)
  @ApiOperation({ summary: 'A landlord user chooses the language of its messages (Swedish or English)' })
  async changeLanguage(@CurrentCaller() caller: Caller, @Body() body: ChangeLanguageDto) {
    await this.commands.execute(new ChangeLandlordUserLanguage(caller.landlordId!, body.language, commandContext(caller.id)));
    return { userId: caller.id, language: body.language };
  }

  @Post(':landlordId/users/first-administrator')
  @Roles('staff', 'admin')
  @HttpCode(201)
  @ApiOperation({ summary: "Staff create the organisation's first administrator" })
  @ApiHeader({ name: 'If-Match', required: false })
  firstAdministrator(@CurrentCaller() caller: Caller, @Param('landlordId', ParseUUIDPipe) landlordId: string, @Body() body: NewUserDto, @Headers('if-match') ifMatch: string | undefined) {
    return this.commands.execute(new AddLandlordUser(landlordId, body, 'first-administrator', commandContext(caller.id, revisionFromIfMatch(ifMatch))));
  }

  @Post(':landlordId/users')
  @HttpCode(201)
  @ApiOperation({ summary: "The organisation's administrator adds an administrator or letting agent" })
  @ApiHeader({ name: 'If-Match', required: false })
  invite(@CurrentCaller() caller: Caller, @Param('landlordId', ParseUUIDPipe) landlordId: string, @Body() body: InviteUserDto, @Headers('if-match') ifMatch: string | undefined) {
    requireAdministrator(caller, landlordId);
    const { role, ...user } = body;
    return this.commands.execute(new AddLandlordUser(landlordId, user, role, commandContext(caller.id, revisionFromIfMatch(ifMatch))));
  }

  @Get(':landlordId/users')
  list(@CurrentCaller() caller: Caller, @Param('landlordId', ParseUUIDPipe) landlordId: string) {
    requireMember(caller, landlordId);
    return this.queries.execute(new LandlordUsers(landlordId));
  }

  @Delete(':landlordId/users/:userId')
  @HttpCode(200)
  @ApiOperation({ summary: 'Remove a user: its tokens stop working at once' })
  async remove(@CurrentCaller() caller: Caller, @Param('landlordId', ParseUUIDPipe) landlordId: string, @Param('userId', ParseUUIDPipe) userId: string) {
    requireAdministrator(caller, landlordId);
    await this.commands.execute(new RemoveLandlordUser(landlordId, userId, isAgency(caller), commandContext(caller.id)));
    return { userId, status: 'removed' };
  }

  @Post(':landlordId/users/:userId/erasure')
  @Roles('staff', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: "Staff erase a removed user's name, e-mail and password hash (its key is destroyed)" })
  async erase(@CurrentCaller() caller: Caller, @Param('landlordId', ParseUUIDPipe) landlordId: string, @Param('userId', ParseUUIDPipe) userId: string) {
    await this.commands.execute(new EraseLandlordUser(landlordId, userId, commandContext(caller.id)));
    return { userId, status: 'removed', personalData: 'erased' };
  }
}
