import { Inject, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { IncomingHttpHeaders } from 'node:http';
import type pg from 'pg';
import { userOf, PG_POOL, TokenService } from '@bostadsko/platform';

/**
 * A landlord user removed in the landlords app (LandlordUserChangedV1) is
 * refused at once, though the token has not expired; so is a token whose
 * landlord is not the one the user belongs to. Runs beside the platform's
 * AuthGuard, in either order: it reads the token itself when needed.
 */
@Injectable()
export class LandlordUserGuard implements CanActivate {
  constructor(
    private readonly tokens: TokenService,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<{ headers: IncomingHttpHeaders }>();
    const token = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
    // Only a token that claims the landlord role needs this check: its signature verified and a database lookup.
    if (!token || !claimsLandlord(token)) return true;
    const user = userOf(request) ?? this.tokens.userOf(token);
    if (!user || !user.roles.includes('landlord')) return true;
    const { rows } = await this.pool.query<{ landlord_id: string; status: string }>('SELECT landlord_id, status FROM listings.landlord_users WHERE user_id = $1', [user.id]);
    const known = rows[0];
    if (known && (known.status === 'removed' || known.landlord_id !== user.landlordId)) {
      throw new UnauthorizedException('This landlord user has been removed; the token is no longer accepted');
    }
    return true;
  }
}

/** The unverified payload's roles: a cheap filter; whatever passes is verified before it is trusted. */
function claimsLandlord(token: string): boolean {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { roles?: unknown };
    return Array.isArray(payload.roles) && payload.roles.includes('landlord');
  } catch {
    return false;
  }
}
