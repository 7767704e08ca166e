import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import type { PersonalDataVault } from '@bostadsko/personal-data';
import { PasswordHasher } from '@bostadsko/platform';
import type { PersonalDetails } from '../applicant/applicant.events.js';
import { ApplicantService } from '../applicant/applicant.service.js';
import { IdentityService } from '../applicant/identity.service.js';
import { VAULT } from '../applicants.tokens.js';
import { Clock } from '@bostadsko/clock';
import { stockholmDate } from '@bostadsko/calendar';
import { PolicyService } from '../policy/policy.service.js';
import { RegisterApplicantCommand, type Registered } from './register.command.js';

/**
 * Claims the person's identity, then opens the account. A crash between the two,
 * or a refusal such as being under age, leaves a claim without an account; the
 * next attempt for the same person finds the claim and completes that account.
 */
@CommandHandler(RegisterApplicantCommand)
export class RegisterApplicantHandler implements ICommandHandler<RegisterApplicantCommand, Registered> {
  constructor(
    private readonly applicants: ApplicantService,
    private readonly identities: IdentityService,
    private readonly policy: PolicyService,
    private readonly hasher: PasswordHasher,
    @Inject(VAULT) private readonly vault: PersonalDataVault,
    private readonly clock: Clock,
  ) {}

  async execute(command: RegisterApplicantCommand): Promise<Registered> {
    const now = this.clock.now();
    const { personnummer, password, ...contact } = command.details;
    const policy = await this.policy.on(stockholmDate(now));
    const { applicantId } = await this.identities.claim(personnummer.value, randomUUID(), command.correlationId);
    const details: PersonalDetails = { personnummer: personnummer.value, ...contact, passwordHash: await this.hasher.hash(password) };
    const personal = await this.vault.seal(applicantId, details);
    const { state } = await this.applicants.handle(
      applicantId,
      { type: 'register', applicantId, personal, birthDate: personnummer.birthDate, now, policy },
      { correlationId: command.correlationId, actor: applicantId },
    );
    if (state.status === 'none' || state.queueStartDate === null) throw new Error('registration produced no account');
    return { applicantId, queueStartDate: state.queueStartDate };
  }
}
