import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { PersonalDataVault, Sealed } from '@bostadsko/personal-data';
import { NotFound } from '@bostadsko/platform';
import { ApplicantService } from '../applicant/applicant.service.js';
import { VAULT } from '../applicants.tokens.js';

/** The account's customer cases, oldest first, with their texts opened (or '(erased)'). */
export class CasesOf extends Query<Array<Record<string, unknown>>> {
  constructor(readonly applicantId: string) {
    super();
  }
}

@QueryHandler(CasesOf)
export class CasesOfHandler implements IQueryHandler<CasesOf, Array<Record<string, unknown>>> {
  constructor(
    private readonly applicants: ApplicantService,
    @Inject(VAULT) private readonly vault: PersonalDataVault,
  ) {}

  async execute({ applicantId }: CasesOf): Promise<Array<Record<string, unknown>>> {
    const { state, events } = await this.applicants.load(applicantId);
    if (state.status === 'none') throw new NotFound('No such account');
    const cases = new Map<string, Record<string, unknown>>();
    for (const event of events) {
      const data = event.data as Record<string, unknown> & { caseId: string };
      if (event.type === 'case-registered') {
        cases.set(data.caseId, {
          caseId: data.caseId,
          channel: data.channel,
          subject: data.subject,
          description: (await this.vault.open<string>(data.description as Sealed)) ?? '(erased)',
          registeredBy: data.registeredBy,
          registeredAt: event.recordedAt.toISOString(),
          status: 'open',
        });
      }
      if (event.type === 'case-answered') {
        Object.assign(cases.get(data.caseId) ?? {}, {
          status: 'answered',
          answer: (await this.vault.open<string>(data.answer as Sealed)) ?? '(erased)',
          answeredBy: data.answeredBy,
          answeredAt: event.recordedAt.toISOString(),
        });
      }
    }
    return [...cases.values()];
  }
}
