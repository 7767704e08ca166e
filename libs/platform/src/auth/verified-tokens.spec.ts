import { VerifiedTokens } from './verified-tokens.js';

const seeker = { id: 'a', roles: ['applicant' as const] };

describe('VerifiedTokens', () => {
  it('answers a verified token until it expires, then forgets it', () => {
    const tokens = new VerifiedTokens();
    tokens.remember('t', seeker, 2_000);
    expect(tokens.get('t', 1_999)).toEqual(seeker);
    expect(tokens.get('t', 2_000)).toBeUndefined();
    expect(tokens.get('t', 1_000)).toBeUndefined();
  });

  it('never answers a token it has not verified', () => {
    expect(new VerifiedTokens().get('t', 0)).toBeUndefined();
  });
});
