import { Body, Controller, HttpCode, Inject, Post, UnauthorizedException } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { randomUUID } from 'node:crypto';
import type { PersonalDataVault } from '../../../../libs/personal-data/src/personal-data.vault.js';
import { PasswordHasher, Public, TokenService, type IssuedToken } from '../../../../libs/platform/src/index.js';
import type { PersonalDetails } from '../applicant/applicant.events.js';
import { ApplicantService } from '../applicant/applicant.service.js';
import { IdentityService } from '../applicant/identity.service.js';
import { currentDetails } from '../applicant/personal-details.js';
import { parsePersonnummer } from '../applicant/personnummer.js';
import { VAULT } from '../applicants.tokens.js';
import { PERSONNUMMER_PATTERN } from '../registering/register.dto.js';
import { Clock } from '../../../../libs/clock/src/index.js';

class SignInDto {
  @ApiProperty({ example: '19811218-9876' })
  @IsString()
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
    private readonly identities: IdentityService,
    private readonly applicants: ApplicantService,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    @Inject(VAULT) private readonly vault: PersonalDataVault,
    private readonly clock: Clock,
  ) {
    this.decoy = hasher.hash(randomUUID());
  }

  @Post('sign-in')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ description: 'A bearer token with the role applicant and the account id as subject' })
  @ApiUnauthorizedResponse({ description: REFUSED })
  async signIn(@Body() body: SignInDto): Promise<IssuedToken> {
    const parsed = parsePersonnummer(body.personnummer, this.clock.now());
    const applicantId = typeof parsed === 'string' ? undefined : await this.identities.lookup(parsed.value);
    const details = applicantId ? await this.currentDetails(applicantId) : undefined;
    const matches = await this.hasher.verify(details?.passwordHash ?? (await this.decoy), body.password);
    if (!applicantId || !details || !matches) throw new UnauthorizedException(REFUSED);
    return this.tokens.issue({ id: applicantId, roles: ['applicant'] });
  }

  /** Only open accounts sign in: a closed or erased one has nothing to show. */
  private async currentDetails(applicantId: string): Promise<PersonalDetails | undefined> {
    const { state, events } = await this.applicants.load(applicantId);
    if (state.status === 'none' || state.status === 'closed' || state.erased) return undefined;
    return currentDetails(this.vault, events);
  }
}
