import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { PersonalDataVault } from '@bostadsko/personal-data';
import type { AuthenticatedUser } from '@bostadsko/platform';
import { VAULT } from '../listings.tokens.js';
import type { VerifiedFacts } from './letting.events.js';
import { stage } from './letting.explanation.js';
import type { LettingAnswer } from './letting-answer.js';
import { LettingService } from './letting.service.js';

interface Verified {
  readonly applicationId: string;
  readonly outcome: string;
  readonly checks: readonly unknown[];
  readonly proposalId: string | null;
  readonly stage: ReturnType<typeof stage>;
}

/** POST …/letting/verification: staff record what the certificates show. */
export class RecordVerification extends Command<LettingAnswer<Verified>> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly listingId: string,
    readonly applicationId: string,
    readonly facts: VerifiedFacts,
    readonly certificatesReceivedOn: string,
    readonly expectedRevision: bigint | undefined,
  ) {
    super();
  }
}

@CommandHandler(RecordVerification)
export class RecordVerificationHandler implements ICommandHandler<RecordVerification, LettingAnswer<Verified>> {
  constructor(
    private readonly letting: LettingService,
    @Inject(VAULT) private readonly vault: PersonalDataVault,
  ) {}

  async execute({ user, listingId, applicationId, facts, certificatesReceivedOn, expectedRevision }: RecordVerification): Promise<LettingAnswer<Verified>> {
    const result = await this.letting.handle(
      listingId,
      async (view, _rules, now) => {
        const candidate = view.state.candidates[applicationId];
        // Sealed under the applicant's key only for the one being verified; the decider refuses anyone else.
        const sealed = candidate ? await this.vault.seal(candidate.applicantId, facts) : { subject: '', iv: '', tag: '', data: '' };
        return { type: 'record-verification', applicationId, facts, sealed, certificatesReceivedOn, now, by: user.id };
      },
      { id: user.id, expectedRevision },
    );
    const outcome = result.events.find((e) => ['applicant-verified', 'verification-failed', 'certificates-late'].includes(e.type));
    const proposed = result.events.find((e) => e.type === 'tenant-proposed');
    return {
      answer: {
        applicationId,
        outcome: outcome?.type ?? 'unchanged',
        checks: outcome && 'checks' in outcome.data ? outcome.data.checks : [],
        proposalId: proposed?.type === 'tenant-proposed' ? proposed.data.proposalId : null,
        stage: stage(result.state, result.context),
      },
      revision: result.revision,
    };
  }
}
