import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AccessLog } from '@bostadsko/access-log';
import { Clock } from '@bostadsko/clock';
import { DATA_CONTROLLER, type RegisterExtractSection, heldOrNotFound } from '@bostadsko/personal-data';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { PROPOSALS_TABLE } from '../listings/proposals.projection.js';
import { Inject } from '@nestjs/common';

interface ProposalRow {
  proposal_id: string;
  listing_id: string;
  landlord_id: string;
  place: number | null;
  household_size: number | null;
  requirements_verified: boolean | null;
  proposed_at: Date | null;
  decision: string | null;
  reason: string | null;
  decided_at: Date | null;
}

/** The landlords app's part of a seeker's register extract. */
export class RegisterExtractOf extends Query<RegisterExtractSection> {
  constructor(readonly applicantId: string) {
    super();
  }
}

@QueryHandler(RegisterExtractOf)
export class RegisterExtractOfHandler implements IQueryHandler<RegisterExtractOf, RegisterExtractSection> {
  constructor(
    @Inject(INFRASTRUCTURE) private readonly infra: Infrastructure,
    private readonly accessLog: AccessLog,
    private readonly clock: Clock,
  ) {}

  async execute({ applicantId }: RegisterExtractOf): Promise<RegisterExtractSection> {
    const [{ rows }, accessLog] = await Promise.all([
      this.infra.pool.query<ProposalRow>(`SELECT * FROM ${PROPOSALS_TABLE} WHERE applicant_id = $1 ORDER BY proposed_at`, [applicantId]),
      this.accessLog.of(applicantId),
    ]);
    const proposals = rows.map((p) => ({
      proposalId: p.proposal_id,
      listingId: p.listing_id,
      landlordId: p.landlord_id,
      place: p.place,
      householdSize: p.household_size,
      requirementsVerified: p.requirements_verified,
      proposedAt: p.proposed_at?.toISOString() ?? null,
      decision: p.decision,
      reason: p.reason,
      decidedAt: p.decided_at?.toISOString() ?? null,
    }));
    return heldOrNotFound({
      app: 'landlords',
      controller: DATA_CONTROLLER,
      generatedAt: this.clock.now().toISOString(),
      applicantId,
      purpose: 'What landlords were told when you were proposed as tenant (your place, household size and whether your certificates met the requirements) and what they decided.',
      personalData: proposals.length > 0 ? { proposals } : null,
      records: proposals.flatMap((p) => [
        {
          type: 'tenant-proposed',
          at: p.proposedAt,
          data: { listingId: p.listingId, landlordId: p.landlordId, place: p.place, householdSize: p.householdSize, requirementsVerified: p.requirementsVerified },
        },
        ...(p.decision ? [{ type: 'proposal-decided', at: p.decidedAt, data: { listingId: p.listingId, decision: p.decision, reason: p.reason } }] : []),
      ]),
      accessLog,
    });
  }
}
