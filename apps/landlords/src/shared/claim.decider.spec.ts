import { deciderSpecification } from '@bostadsko/testing';
import { decideClaim, evolveClaim } from './claim.decider.js';

const given = deciderSpecification({ decide: decideClaim, evolve: evolveClaim, initialState: undefined });
const stream = 'landlord_orgnr-5560000001';
const first = { landlordId: 'l-1' };
const second = { landlordId: 'l-2' };

describe('claim decider: a unique key held by one landlord (or user) at a time', () => {
  test('a free key is claimed; a held one records nothing, whoever asks', () => {
    given()
      .when({ type: 'claim', stream, holder: first })
      .then([{ type: 'claimed', data: first }]);
    given([{ type: 'claimed', data: first }])
      .when({ type: 'claim', stream, holder: second })
      .thenNothing();
    expect(given([{ type: 'claimed', data: first }]).state).toEqual(first);
  });

  test('only the holder releases it, and then it is free again', () => {
    given([{ type: 'claimed', data: { landlordId: 'l-1', userId: 'u-1' } }])
      .when({ type: 'release', stream, holder: { landlordId: 'l-1', userId: 'u-1' } })
      .then([{ type: 'released', data: { landlordId: 'l-1', userId: 'u-1' } }]);
    given([{ type: 'claimed', data: { landlordId: 'l-1', userId: 'u-1' } }])
      .when({ type: 'release', stream, holder: { landlordId: 'l-1', userId: 'u-2' } })
      .thenNothing();
    given().when({ type: 'release', stream, holder: first }).thenNothing();
    given([
      { type: 'claimed', data: first },
      { type: 'released', data: first },
    ])
      .when({ type: 'claim', stream, holder: second })
      .then([{ type: 'claimed', data: second }]);
  });
});
