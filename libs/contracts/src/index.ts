export * from './contract.js';
export { ApplicantRegisteredV1 } from './applicants/applicant-registered.v1.js';
