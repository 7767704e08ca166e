import type { IntegrationMessage, Tx } from '@bostadsko/bus';
import { AccountClosedV1, ProposalDecidedV1, TenantProposedV1 } from '@bostadsko/contracts';
import type { Projection } from '@bostadsko/projections';

export const PROPOSALS_TABLE = 'landlords.proposals';
export const PROPOSAL_TOPICS = [TenantProposedV1.type, ProposalDecidedV1.type, AccountClosedV1.type] as const;

/**
 * The applicants proposed to each landlord: only what it needs to decide (place,
 * household size, whether the requirements were verified), keyed by proposal, in
 * any order of arrival. When a seeker closes their account the household size
 * goes, as the listings app erases their declarations.
 */
export const proposalsProjection: Projection<IntegrationMessage> = {
  name: 'proposals',
  table: PROPOSALS_TABLE,

  async createTable(tx: Tx, table: string) {
    await tx.query(`CREATE TABLE ${table} (
      proposal_id uuid PRIMARY KEY,
      listing_id uuid NOT NULL,
      landlord_id uuid NOT NULL,
      applicant_id uuid,
      place int,
      household_size int,
      requirements_verified boolean,
      proposed_at timestamptz,
      decision text,
      reason text,
      decided_at timestamptz
    )`);
    await tx.query(`CREATE INDEX ON ${table} (landlord_id, listing_id)`);
  },

  async apply(tx: Tx, table: string, messages: readonly IntegrationMessage[]) {
    for (const message of messages) {
      if (message.type === TenantProposedV1.type) {
        const p = TenantProposedV1.parse(message.payload);
        await tx.query(
          `INSERT INTO ${table} (proposal_id, listing_id, landlord_id, applicant_id, place, household_size, requirements_verified, proposed_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT (proposal_id) DO UPDATE SET applicant_id = excluded.applicant_id, place = excluded.place, household_size = excluded.household_size,
             requirements_verified = excluded.requirements_verified, proposed_at = excluded.proposed_at`,
          [p.proposalId, p.listingId, p.landlordId, p.applicantId, p.place, p.householdSize, p.requirementsVerified, p.proposedAt],
        );
      } else if (message.type === AccountClosedV1.type) {
        await tx.query(`UPDATE ${table} SET household_size = NULL WHERE applicant_id = $1`, [AccountClosedV1.parse(message.payload).applicantId]);
      } else if (message.type === ProposalDecidedV1.type) {
        const d = ProposalDecidedV1.parse(message.payload);
        await tx.query(
          `INSERT INTO ${table} (proposal_id, listing_id, landlord_id, decision, reason, decided_at) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (proposal_id) DO UPDATE SET decision = excluded.decision, reason = excluded.reason, decided_at = excluded.decided_at`,
          [d.proposalId, d.listingId, d.landlordId, d.decision, d.reason, d.decidedAt],
        );
      }
    }
  },
};
