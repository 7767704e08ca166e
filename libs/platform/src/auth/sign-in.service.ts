import { Injectable, UnauthorizedException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AccountRepository } from './account.repository.js';
import { PasswordHasher } from './password-hasher.js';
import { TokenService, type IssuedToken } from './token.service.js';

@Injectable()
export class SignInService {
  // Checked when the username is unknown, so the response time does not tell which usernames exist.
  private readonly decoyHash: Promise<string>;

  constructor(
    private readonly accounts: AccountRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
  ) {
    this.decoyHash = hasher.hash(randomUUID());
  }

  async signIn(username: string, password: string): Promise<IssuedToken> {
    const account = await this.accounts.findByUsername(username.trim().toLowerCase());
    const matches = await this.hasher.verify(account?.passwordHash ?? (await this.decoyHash), password);
    if (!account || !matches) throw new UnauthorizedException('Invalid username or password');
    return this.tokens.issue({ id: account.id, roles: account.roles, landlordId: account.landlordId ?? undefined });
  }
}
