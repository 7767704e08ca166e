import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { createHmac, randomUUID } from 'node:crypto';
import { VersionConflictError, type EventStore, type NewEvent } from '../../../../libs/event-store/src/index.js';
import type { PersonalDataVault } from '../../../../libs/personal-data/src/personal-data.vault.js';
import type { Infrastructure } from '../../../../libs/runtime/src/infrastructure.js';
import { AlreadyRegistered, decide, evolve, initialState } from '../applicant/applicant.decider.js';
import { applicantStream, identityStream, type ApplicantEvent, type IdentityEvent } from '../applicant/applicant.events.js';
import { INFRASTRUCTURE } from '../../../../libs/runtime/src/event-sourcing.module.js';
import { CLOCK, IDENTITY_SECRET, VAULT, type Clock } from '../applicants.tokens.js';
import { RegisterApplicantCommand, type Registered } from './register.command.js';

/**
 * One account per person: the person's identity stream is claimed with
 * `no_stream` first, so of two racing registrations exactly one gets the claim.
 * A crash between claim and account is healed by the next attempt for the same
 * person, which finds the claim and completes that account.
 */
@CommandHandler(RegisterApplicantCommand)
export class RegisterApplicantHandler implements ICommandHandler<RegisterApplicantCommand, Registered> {
  private readonly store: EventStore;

  constructor(
    @Inject(INFRASTRUCTURE) infra: Infrastructure,
    @Inject(VAULT) private readonly vault: PersonalDataVault,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(IDENTITY_SECRET) private readonly identitySecret: string,
  ) {
    this.store = infra.store;
  }

  async execute(command: RegisterApplicantCommand): Promise<Registered> {
    const identity = identityStream(createHmac('sha256', this.identitySecret).update(command.details.personnummer).digest('hex'));
    const applicantId = await this.claimIdentity(identity, command);
    const stream = applicantStream(applicantId);
    const history = await this.store.readStream(stream);
    if (history.length > 0) throw new AlreadyRegistered('This person already has an account');
    const personal = await this.vault.seal(applicantId, command.details);
    const events = decide({ type: 'register-applicant', applicantId, personal, now: this.clock() }, initialState);
    try {
      await this.store.append(stream, events.map((e) => this.toNew(e, command)), 'no_stream');
    } catch (error) {
      if (error instanceof VersionConflictError) throw new AlreadyRegistered('This person already has an account');
      throw error;
    }
    const state = events.reduce(evolve, initialState);
    if (state.status !== 'registered') throw new Error('registration produced no account');
    return { applicantId, queueStartDate: state.queueStartDate };
  }

  private async claimIdentity(identity: string, command: RegisterApplicantCommand): Promise<string> {
    const claim: IdentityEvent = { type: 'identity-claimed', data: { applicantId: randomUUID() } };
    try {
      await this.store.append(identity, [this.toNew(claim, command)], 'no_stream');
      return claim.data.applicantId;
    } catch (error) {
      if (!(error instanceof VersionConflictError)) throw error;
      const [existing] = await this.store.readStream(identity);
      return (existing.data as IdentityEvent['data']).applicantId;
    }
  }

  private toNew(event: ApplicantEvent | IdentityEvent, command: RegisterApplicantCommand): NewEvent {
    return {
      id: randomUUID(),
      type: event.type,
      schemaVersion: 1,
      data: event.data,
      metadata: { correlationId: command.correlationId, causationId: null, actor: 'self-service' },
    };
  }
}
