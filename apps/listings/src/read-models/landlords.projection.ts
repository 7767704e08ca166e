import type { IntegrationMessage, Tx } from '@bostadsko/bus';
import { AgreementStatusChangedV1, LettingGuidelineChangedV1, type StandardRequirements } from '@bostadsko/contracts';
import type { Projection } from '@bostadsko/projections';
import type { IsoDate } from '@bostadsko/calendar';

export const LANDLORD_TOPICS = [AgreementStatusChangedV1.type, LettingGuidelineChangedV1.type] as const;

export interface AgreementChange {
  readonly messageId: string;
  readonly agreementId: string;
  readonly status: 'active' | 'suspended' | 'terminated';
  readonly effectiveFrom: IsoDate;
  readonly occurredAt: string;
}

export interface GuidelineChange {
  readonly messageId: string;
  readonly effectiveFrom: IsoDate;
  readonly standard: StandardRequirements;
  readonly byListingType: Readonly<Record<string, StandardRequirements>>;
  readonly occurredAt: string;
}

/** Each landlord's agreement and letting-guideline timelines, from the landlords app; entries kept once by message id. */
export const landlordsProjection: Projection<IntegrationMessage> = {
  name: 'landlords',
  table: 'listings.landlords',

  async createTable(tx: Tx, table: string) {
    await tx.query(`CREATE TABLE ${table} (
      landlord_id uuid PRIMARY KEY,
      agreements jsonb NOT NULL DEFAULT '[]',
      guidelines jsonb NOT NULL DEFAULT '[]'
    )`);
  },

  async apply(tx: Tx, table: string, messages: readonly IntegrationMessage[]) {
    for (const message of messages) {
      let column: 'agreements' | 'guidelines';
      let landlordId: string;
      let entry: AgreementChange | GuidelineChange;
      if (message.type === AgreementStatusChangedV1.type) {
        const changed = AgreementStatusChangedV1.parse(message.payload);
        column = 'agreements';
        landlordId = changed.landlordId;
        entry = { messageId: message.id, agreementId: changed.agreementId, status: changed.status, effectiveFrom: changed.effectiveFrom, occurredAt: message.occurredAt };
      } else if (message.type === LettingGuidelineChangedV1.type) {
        const changed = LettingGuidelineChangedV1.parse(message.payload);
        column = 'guidelines';
        landlordId = changed.landlordId;
        entry = { messageId: message.id, effectiveFrom: changed.effectiveFrom, standard: changed.standard, byListingType: changed.byListingType, occurredAt: message.occurredAt };
      } else continue;
      await tx.query(
        `INSERT INTO ${table} AS l (landlord_id, ${column}) VALUES ($1, jsonb_build_array($2::jsonb))
         ON CONFLICT (landlord_id) DO UPDATE SET ${column} = l.${column} || jsonb_build_array($2::jsonb)
         WHERE NOT l.${column} @> jsonb_build_array(jsonb_build_object('messageId', $3::text))`,
        [landlordId, JSON.stringify(entry), message.id],
      );
    }
  },
};

/** The latest entry effective on or before the date (same-day entries in publication order). */
export function inForceOn<T extends { effectiveFrom: IsoDate; occurredAt: string }>(timeline: readonly T[], date: IsoDate): T | undefined {
  return timeline
    .filter((t) => t.effectiveFrom <= date)
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || a.occurredAt.localeCompare(b.occurredAt))
    .at(-1);
}

export async function landlordTimelines(db: Pick<Tx, 'query'>, landlordId: string): Promise<{ agreements: AgreementChange[]; guidelines: GuidelineChange[] }> {
  const { rows } = await db.query<{ agreements: AgreementChange[]; guidelines: GuidelineChange[] }>('SELECT agreements, guidelines FROM listings.landlords WHERE landlord_id = $1', [landlordId]);
  return rows[0] ?? { agreements: [], guidelines: [] };
}
