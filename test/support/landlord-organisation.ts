import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { stockholmDate } from '@bostadsko/calendar';
import { organisationNumber } from './swedish-numbers.js';

export const LANDLORD_PASSWORD = 'a long enough password';

/**
 * An organisation registered through the landlords app, its agreement signed today by staff, and
 * its first administrator (English) signed in: what a test of messages to landlord users starts from.
 */
export async function organisationWithAdministrator(landlords: INestApplication, staffToken: string, name: string) {
  const http = () => request(landlords.getHttpServer());
  const landlordId = (
    await http()
      .post('/landlords')
      .send({ name, organisationNumber: organisationNumber(), contact: { name: 'Karin Holm', email: 'karin@example.se' } })
      .expect(201)
  ).body.landlordId as string;
  const signed = await http()
    .post(`/landlords/${landlordId}/agreements`)
    .set({ authorization: `Bearer ${staffToken}` })
    .send({ effectiveFrom: stockholmDate(new Date()), terms: 'Standard terms' })
    .expect(201);
  const adminEmail = `admin-${landlordId.slice(0, 8)}@example.se`;
  await http()
    .post(`/landlords/${landlordId}/users/first-administrator`)
    .set({ authorization: `Bearer ${staffToken}` })
    .send({ name: 'Karin Holm', email: adminEmail, password: LANDLORD_PASSWORD, language: 'en' })
    .expect(201);
  const adminToken = (await http().post('/landlords/sign-in').send({ email: adminEmail, password: LANDLORD_PASSWORD }).expect(200)).body.access_token as string;
  return { landlordId, agreementId: signed.body.openAgreementId as string, adminEmail, adminToken };
}
