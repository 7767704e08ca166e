import { ForbiddenException } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AuthenticatedUser } from '@bostadsko/platform';
import { LettingService } from './letting.service.js';

interface Answered {
  readonly applicationId: string;
  readonly listingId: string;
  readonly answer: string | null;
  readonly outcome: string | null;
  readonly certificatesDue: string | null;
}

/** POST /applications/:id/interest: the seeker answers their showing invitation; a yes from the best placed starts verification. */
export class AnswerInterest extends Command<Answered> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly listingId: string,
    readonly applicationId: string,
    /** Whose application it is, found from the application id. */
    readonly applicantId: string,
    readonly interested: boolean,
  ) {
    super();
  }
}

@CommandHandler(AnswerInterest)
export class AnswerInterestHandler implements ICommandHandler<AnswerInterest, Answered> {
  constructor(private readonly letting: LettingService) {}

  async execute({ user, listingId, applicationId, applicantId, interested }: AnswerInterest): Promise<Answered> {
    if (applicantId !== user.id) throw new ForbiddenException('Only the seeker answers for their application');
    const result = await this.letting.handle(listingId, (_view, _rules, now) => ({ type: 'answer-interest', applicationId, applicantId, interested, now }), { id: user.id });
    const candidate = result.state.candidates[applicationId];
    return {
      applicationId,
      listingId,
      answer: result.state.invitations[applicationId]?.answer ?? null,
      outcome: candidate?.outcome ?? null,
      certificatesDue: candidate?.outcome === 'verification' ? candidate.certificatesDue : null,
    };
  }
}
