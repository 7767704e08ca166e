import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { PersonalDataVault } from '@bostadsko/personal-data';
import { ApplicantService } from '../applicant/applicant.service.js';
import { IdentityService } from '../applicant/identity.service.js';
import { currentDetails } from '../applicant/personal-details.js';
import { VAULT } from '../applicants.tokens.js';

interface SignInAccountAnswer {
  readonly applicantId: string;
  readonly passwordHash: string | undefined;
}

/** The open account of a personnummer and its password hash; undefined for no account, or a closed or erased one (nothing to show, nobody to warn). */
export class SignInAccount extends Query<SignInAccountAnswer | undefined> {
  constructor(readonly personnummer: string) {
    super();
  }
}

@QueryHandler(SignInAccount)
export class SignInAccountHandler implements IQueryHandler<SignInAccount, SignInAccountAnswer | undefined> {
  constructor(
    private readonly identities: IdentityService,
    private readonly applicants: ApplicantService,
    @Inject(VAULT) private readonly vault: PersonalDataVault,
  ) {}

  async execute({ personnummer }: SignInAccount): Promise<SignInAccountAnswer | undefined> {
    const applicantId = await this.identities.lookup(personnummer);
    if (!applicantId) return undefined;
    const { state, events } = await this.applicants.load(applicantId);
    if (state.status === 'none' || state.status === 'closed' || state.erased) return undefined;
    const details = await currentDetails(this.vault, events);
    return details && { applicantId, passwordHash: details.passwordHash };
  }
}
