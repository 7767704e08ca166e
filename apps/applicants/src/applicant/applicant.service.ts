import { Inject, Injectable } from '@nestjs/common';
import { DeciderHandler, type CommandContext, type Handled, type Loaded } from '@bostadsko/command-handling';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import type { ApplicantCommand, ApplicantState } from './applicant.decider.js';
import { applicantStream, type ApplicantEvent } from './applicant.events.js';
import { applicantStreams, type ApplicantCommandOn } from './applicant.stream.js';

/** An applicant's stream through the one command path (libs/command-handling), addressed by applicant id. */
@Injectable()
export class ApplicantService {
  private readonly handler: DeciderHandler<ApplicantCommandOn, ApplicantEvent, ApplicantState>;

  constructor(@Inject(INFRASTRUCTURE) infra: Infrastructure) {
    this.handler = new DeciderHandler(infra.store, applicantStreams);
  }

  load(applicantId: string): Promise<Loaded<ApplicantState>> {
    return this.handler.load(applicantStream(applicantId));
  }

  handle(applicantId: string, command: ApplicantCommand, context: CommandContext): Promise<Handled<ApplicantEvent, ApplicantState>> {
    return this.handler.handle({ applicantId, command }, context);
  }
}
