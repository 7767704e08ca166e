import { Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { IncomingHttpHeaders } from 'node:http';
import { IS_PUBLIC, TokenService } from '@bostadsko/platform';
import { LandlordService } from '../organisation/landlord.service.js';
import { attachLandlordRole } from './caller.js';

/**
 * A landlord user's token outlives the user's removal, so on every request the
 * user must still be active in its organisation's stream: removal revokes access
 * at once, and the role held now (not at sign-in) is what counts. Other tokens
 * are left to the platform's AuthGuard; this guard verifies the token itself so
 * it does not depend on the order in which global guards run.
 */
@Injectable()
export class ActiveLandlordUserGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly landlords: LandlordService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<{ headers: IncomingHttpHeaders }>();
    const token = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
    const user = token ? this.tokens.userOf(token) : undefined;
    if (!user || !user.roles.includes('landlord')) return true;
    const role = user.landlordId ? await this.landlords.activeRole(user.landlordId, user.id) : undefined;
    if (!role) throw new UnauthorizedException('This landlord user no longer has access');
    attachLandlordRole(request, role);
    return true;
  }
}
