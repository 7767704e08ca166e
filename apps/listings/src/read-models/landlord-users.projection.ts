import type { IntegrationMessage, Tx } from '@bostadsko/bus';
import { LandlordUserChangedV1 } from '@bostadsko/contracts';
import type { Projection } from '@bostadsko/projections';

export const LANDLORD_USER_TOPICS = [LandlordUserChangedV1.type] as const;

/** Landlord users as the landlords app last said: a removed user's token is refused at once. Newer `at` wins. */
export const landlordUsersProjection: Projection<IntegrationMessage> = {
  name: 'landlord-users',
  table: 'listings.landlord_users',

  async createTable(tx: Tx, table: string) {
    await tx.query(`CREATE TABLE ${table} (
      user_id uuid PRIMARY KEY,
      landlord_id uuid NOT NULL,
      role text NOT NULL,
      status text NOT NULL,
      at timestamptz NOT NULL
    )`);
  },

  async apply(tx: Tx, table: string, messages: readonly IntegrationMessage[]) {
    for (const message of messages) {
      if (message.type !== LandlordUserChangedV1.type) continue;
      const user = LandlordUserChangedV1.parse(message.payload);
      await tx.query(
        `INSERT INTO ${table} AS u (user_id, landlord_id, role, status, at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (user_id) DO UPDATE SET landlord_id = excluded.landlord_id, role = excluded.role, status = excluded.status, at = excluded.at
         WHERE excluded.at >= u.at`,
        [user.userId, user.landlordId, user.role, user.status, user.at],
      );
    }
  },
};
