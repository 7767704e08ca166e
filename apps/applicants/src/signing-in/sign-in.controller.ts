import { Body, Controller, HttpCode, Post, Req, Res, UnauthorizedException } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { IsString, Length, Matches, MaxLength } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { PasswordHasher, Public, SignInThrottle, THROTTLED_DESCRIPTION, TokenService, type IssuedToken } from '@bostadsko/platform';
import { parsePersonnummer } from '../applicant/personnummer.js';
import { PERSONNUMMER_PATTERN } from '../registering/register.dto.js';
import { Clock } from '@bostadsko/clock';
import { SignInThrottling } from './sign-in-throttling.js';
import { SignInAccount } from './sign-in-account.query.js';
import { QueryBus } from '@nestjs/cqrs';

class SignInDto {
  @ApiProperty({ example: '19811218-9876' })
  @IsString()
  @MaxLength(13)
  @Matches(PERSONNUMMER_PATTERN, { message: 'personnummer must look like YYYYMMDD-NNNN or YYMMDD-NNNN' })
  personnummer: string;

  @ApiProperty()
  @IsString()
  @Length(1, 200)
  password: string;
}

const REFUSED = 'Wrong personnummer or password';

@ApiTags('applicants')
@Controller('applicants')
export class SignInController {
  // Verified when the account is unknown, so timing does not reveal who has an account.
  private readonly decoy: Promise<string>;

  constructor(
    private readonly queries: QueryBus,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly clock: Clock,
    private readonly throttle: SignInThrottle,
    private readonly throttling: SignInThrottling,
  ) {
    this.decoy = hasher.hash(randomUUID());
  }

  @Post('sign-in')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ description: 'A bearer token with the role applicant and the account id as subject' })
  @ApiUnauthorizedResponse({ description: REFUSED })
  @ApiTooManyRequestsResponse({ description: THROTTLED_DESCRIPTION })
  async signIn(@Body() body: SignInDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<IssuedToken> {
    const parsed = parsePersonnummer(body.personnummer, this.clock.now());
    // One count per person however the number is written (with or without century or hyphen).
    const account = typeof parsed === 'string' ? body.personnummer : parsed.value;
    const attempt = { route: 'applicants', account, request, reply, rules: await this.throttling.rules() };
    const token = await this.throttle.attempt(
      attempt,
      async () => {
        // Only an open account is told about: a closed or erased one has nobody to warn and nothing to seal under.
        const open = typeof parsed === 'string' ? undefined : await this.queries.execute(new SignInAccount(parsed.value));
        const matches = await this.hasher.verify(open?.passwordHash ?? (await this.decoy), body.password);
        const accountId = open?.applicantId;
        return { accountId, signedIn: accountId && matches ? await this.tokens.issue({ id: accountId, roles: ['applicant'] }) : undefined };
      },
      (throttled) => this.throttling.record(throttled),
    );
    if (!token) throw new UnauthorizedException(REFUSED);
    return token;
  }
}
