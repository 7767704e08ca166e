import { ApplicationFacts } from './store/applications.entity.js';
import { LandlordName } from './store/landlords.entity.js';
import { LettingFacts } from './store/lettings.entity.js';
import { ListingFacts } from './store/listings.entity.js';
import { SeekerFacts } from './store/seekers.entity.js';

/** The app's read-model tables as TypeORM entities: its repositories read through them, and its int-spec holds them to the tables. */
export const STATISTICS_ENTITIES = [ApplicationFacts, LandlordName, LettingFacts, ListingFacts, SeekerFacts];
