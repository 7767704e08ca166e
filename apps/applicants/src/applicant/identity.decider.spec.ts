import { deciderSpecification } from '@bostadsko/testing';
import { decideIdentity, evolveIdentity } from './identity.decider.js';

const given = deciderSpecification({ decide: decideIdentity, evolve: evolveIdentity, initialState: undefined });
const stream = 'applicant_identity-abc';

describe('identity decider: one account per personnummer', () => {
  test('a free number is claimed for the account; a held one records nothing, so the caller learns who holds it', () => {
    given()
      .when({ type: 'claim', stream, applicantId: 'a-1' })
      .then([{ type: 'identity-claimed', data: { applicantId: 'a-1' } }]);
    const held = given([{ type: 'identity-claimed', data: { applicantId: 'a-1' } }]);
    held.when({ type: 'claim', stream, applicantId: 'a-2' }).thenNothing();
    expect(held.state).toBe('a-1');
  });

  test('only the holding account releases the number, which is then free for another', () => {
    given([{ type: 'identity-claimed', data: { applicantId: 'a-1' } }])
      .when({ type: 'release', stream, applicantId: 'a-1' })
      .then([{ type: 'identity-released', data: { applicantId: 'a-1' } }]);
    given([{ type: 'identity-claimed', data: { applicantId: 'a-1' } }])
      .when({ type: 'release', stream, applicantId: 'a-2' })
      .thenNothing();
    given([
      { type: 'identity-claimed', data: { applicantId: 'a-1' } },
      { type: 'identity-released', data: { applicantId: 'a-1' } },
    ])
      .when({ type: 'claim', stream, applicantId: 'a-2' })
      .then([{ type: 'identity-claimed', data: { applicantId: 'a-2' } }]);
  });
});
