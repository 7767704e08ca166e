import { ContractViolation } from '../contract.js';
import { ApplicantRegisteredV1 } from './applicant-registered.v1.js';

const published = { applicantId: '6f1c3c1e-8a4b-4c39-9d4e-0f7a2a7f2b11', registeredOn: '2026-03-01', queueStartDate: '2026-03-01' };

describe('applicants.applicant-registered.v1', () => {
  test('messages published before the birth year was added still parse, so replays of the bus log keep working', () => {
    expect(ApplicantRegisteredV1.parse(published)).toEqual(published);
  });

  test('a birth year, when present, must be a plausible year', () => {
    expect(ApplicantRegisteredV1.parse({ ...published, birthYear: 1990 }).birthYear).toBe(1990);
    expect(() => ApplicantRegisteredV1.parse({ ...published, birthYear: '1990' })).toThrow(ContractViolation);
    expect(() => ApplicantRegisteredV1.parse({ ...published, birthYear: 19900 })).toThrow(ContractViolation);
  });
});
