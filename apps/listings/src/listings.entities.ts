import { ApplicationRow } from './applications/applications.entity.js';
import { LettingParticipantRow } from './letting/letting-participants.entity.js';
import { RankingRow } from './ranking/ranking.entity.js';
import { LandlordUserRow } from './read-models/landlord-users.entity.js';
import { LandlordTermsRow } from './read-models/landlords.entity.js';
import { SeekerEligibilityRow } from './read-models/seekers.entity.js';
import { ListingRow } from './search/listings.entity.js';

/** The app's read-model tables as TypeORM entities: its repositories read through them, and its int-spec holds them to the tables. */
export const LISTINGS_ENTITIES = [ApplicationRow, LettingParticipantRow, RankingRow, LandlordUserRow, LandlordTermsRow, SeekerEligibilityRow, ListingRow];
