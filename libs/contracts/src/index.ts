export * from './contract.js';
export { ApplicantRegisteredV1 } from './applicants/applicant-registered.v1.js';
export { QueueStandingChangedV1 } from './applicants/queue-standing-changed.v1.js';
export { ApplicantDeregisteredV1 } from './applicants/applicant-deregistered.v1.js';
export { AccountClosedV1 } from './applicants/account-closed.v1.js';
export { ListingLetV1 } from './listings/listing-let.v1.js';
export { LettingCancelledV1 } from './listings/letting-cancelled.v1.js';
