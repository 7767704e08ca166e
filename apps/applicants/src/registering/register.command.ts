import { Command } from '@nestjs/cqrs';
import type { PersonalDetails } from '../applicant/applicant.events.js';

export interface Registered {
  readonly applicantId: string;
  readonly queueStartDate: string;
}

export class RegisterApplicantCommand extends Command<Registered> {
  constructor(
    readonly details: PersonalDetails,
    readonly correlationId: string,
  ) {
    super();
  }
}
