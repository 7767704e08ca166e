import type { IntegrationMessage, Tx } from '@bostadsko/bus';
import { LandlordRegisteredV1 } from '@bostadsko/contracts';
import type { Projection } from '@bostadsko/projections';

export const LANDLORD_TOPICS = [LandlordRegisteredV1.type] as const;

/** Landlord names for the landlord cut (an organisation's name is not personal data). */
export const landlordsProjection: Projection<IntegrationMessage> = {
  name: 'landlords',
  table: 'statistics.landlords',

  async createTable(tx: Tx, table: string) {
    await tx.query(`CREATE TABLE ${table} (landlord_id uuid PRIMARY KEY, name text NOT NULL)`);
  },

  async apply(tx: Tx, table: string, messages: readonly IntegrationMessage[]) {
    for (const message of messages) {
      if (message.type !== LandlordRegisteredV1.type) continue;
      const landlord = LandlordRegisteredV1.parse(message.payload);
      await tx.query(`INSERT INTO ${table} (landlord_id, name) VALUES ($1, $2) ON CONFLICT (landlord_id) DO UPDATE SET name = EXCLUDED.name`, [landlord.landlordId, landlord.name]);
    }
  },
};
