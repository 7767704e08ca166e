import { LandlordCaseRow } from './cases/cases.entity.js';
import { LandlordListingRow } from './listings/landlord-listings.entity.js';
import { ProposalRow } from './listings/proposals.entity.js';
import { RegisteredOrganisation } from './organisation/organisations.entity.js';

/** The app's read-model tables as TypeORM entities: its repositories read through them, and its int-spec holds them to the tables. */
export const LANDLORDS_ENTITIES = [LandlordCaseRow, LandlordListingRow, ProposalRow, RegisteredOrganisation];
