import { Inject, Injectable } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { EMAIL_SECRET } from '../landlords.tokens.js';
import { userEmailStream } from '../organisation/landlord.events.js';
import { LandlordService } from '../organisation/landlord.service.js';
import { Claims, type ClaimHolder } from '../shared/claims.js';

/** Landlord users as reads see them: who holds an e-mail, and an organisation's users. The writes are in user.handlers.ts. */
@Injectable()
export class LandlordUsersService {
  constructor(
    private readonly landlords: LandlordService,
    private readonly claims: Claims,
    @Inject(EMAIL_SECRET) private readonly secret: string,
  ) {}

  emailStream(email: string): string {
    return userEmailStream(createHmac('sha256', this.secret).update(email.trim().toLowerCase()).digest('hex'));
  }

  lookup(email: string): Promise<ClaimHolder | undefined> {
    return this.claims.holder(this.emailStream(email));
  }

  async list(landlordId: string) {
    const { state, events } = await this.landlords.existing(landlordId);
    return Promise.all(
      Object.entries(state.users).map(async ([userId, member]) => {
        const details = await this.landlords.userDetails(events, userId);
        return { userId, role: member.role, status: member.status, name: details?.name ?? null, email: details?.email ?? null, personalDataErased: member.erased ?? false };
      }),
    );
  }
}
