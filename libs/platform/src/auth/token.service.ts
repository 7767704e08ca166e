import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { PLATFORM_CONFIG, type PlatformConfig } from '../config/platform-config.js';
import type { AuthenticatedUser } from './authenticated-user.js';
import { isRole } from './roles.js';
import { VerifiedTokens } from './verified-tokens.js';

/** The OAuth 2.0 token response shape (RFC 6749 §5.1). */
export interface IssuedToken {
  readonly access_token: string;
  readonly token_type: 'Bearer';
  readonly expires_in: number;
}

interface Claims {
  readonly sub: string;
  readonly roles: readonly string[];
  readonly landlordId?: string;
  readonly exp?: number;
}

/** Issues and checks the HS256 bearer tokens every app accepts; apps issue them for their own users too. */
@Injectable()
export class TokenService {
  private readonly verified = new VerifiedTokens();

  constructor(
    private readonly jwt: JwtService,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
  ) {}

  async issue(user: AuthenticatedUser): Promise<IssuedToken> {
    const claims: Claims = { sub: user.id, roles: user.roles, ...(user.landlordId && { landlordId: user.landlordId }) };
    return {
      access_token: await this.jwt.signAsync(claims),
      token_type: 'Bearer',
      expires_in: this.config.JWT_TTL_SECONDS,
    };
  }

  /**
   * Throws a 401 whether the token is malformed, forged, expired or carries
   * claims we do not know. Synchronous: every request checks a token, and the
   * HMAC is no I/O to wait for.
   */
  verify(token: string): AuthenticatedUser {
    const known = this.verified.get(token, Date.now());
    if (known) return known;
    const claims = this.claimsOf(token);
    const { sub, roles, landlordId, exp } = claims ?? {};
    if (typeof sub !== 'string' || sub === '' || !Array.isArray(roles) || !roles.every(isRole) || (landlordId !== undefined && typeof landlordId !== 'string')) {
      throw new UnauthorizedException('The bearer token is invalid or has expired');
    }
    const user = { id: sub, roles, ...(landlordId !== undefined && { landlordId }) };
    if (typeof exp === 'number') this.verified.remember(token, user, exp * 1000);
    return user;
  }

  /** The user a valid token proves, or undefined: for routes where a token only adds to what anyone may see. */
  userOf(token: string): AuthenticatedUser | undefined {
    try {
      return this.verify(token);
    } catch {
      return undefined;
    }
  }

  private claimsOf(token: string): Partial<Claims> | undefined {
    try {
      return this.jwt.verify<Partial<Claims>>(token);
    } catch {
      return undefined;
    }
  }
}
