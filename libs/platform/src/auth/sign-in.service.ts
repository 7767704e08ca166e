import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AccountRepository } from './account.repository.js';
import { PasswordHasher } from './password-hasher.js';
import { SignInThrottle, type SignInAttempt } from './throttle/sign-in-throttle.js';
import { configuredRules, THROTTLE_CONFIG, type ThrottleConfig } from './throttle/throttle.config.js';
import { TokenService, type IssuedToken } from './token.service.js';

@Injectable()
export class SignInService {
  // Checked when the username is unknown, so the response time does not tell which usernames exist.
  private readonly decoyHash: Promise<string>;

  constructor(
    private readonly accounts: AccountRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly throttle: SignInThrottle,
    @Inject(THROTTLE_CONFIG) private readonly config: ThrottleConfig,
  ) {
    this.decoyHash = hasher.hash(randomUUID());
  }

  async signIn(username: string, password: string, from: Pick<SignInAttempt, 'request' | 'reply'>): Promise<IssuedToken> {
    const normalised = username.trim().toLowerCase();
    const attempt = { ...from, route: 'auth-token', account: normalised, rules: configuredRules(this.config) };
    const token = await this.throttle.attempt(attempt, async () => {
      const account = await this.accounts.findByUsername(normalised);
      const matches = await this.hasher.verify(account?.passwordHash ?? (await this.decoyHash), password);
      return { accountId: account?.id, signedIn: account && matches ? await this.tokens.issue({ id: account.id, roles: account.roles, landlordId: account.landlordId ?? undefined }) : undefined };
    });
    if (!token) throw new UnauthorizedException('Invalid username or password');
    return token;
  }
}
