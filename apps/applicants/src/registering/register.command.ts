import { Command } from '@nestjs/cqrs';
import type { Personnummer } from '../applicant/personnummer.js';

export interface Registered {
  readonly applicantId: string;
  readonly queueStartDate: string;
}

export interface RegistrationDetails {
  readonly personnummer: Personnummer;
  readonly name: string;
  readonly email: string;
  readonly phone?: string;
  readonly address?: { readonly street: string; readonly postalCode: string; readonly city: string };
  readonly password: string;
}

export class RegisterApplicantCommand extends Command<Registered> {
  constructor(
    readonly details: RegistrationDetails,
    readonly correlationId: string,
  ) {
    super();
  }
}
