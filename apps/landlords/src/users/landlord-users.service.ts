import { Inject, Injectable } from '@nestjs/common';
import { createHmac, randomUUID } from 'node:crypto';
import type { PersonalDataVault } from '@bostadsko/personal-data';
import { Conflict, DomainRuleViolation, PasswordHasher } from '@bostadsko/platform';
import { EMAIL_SECRET, VAULT } from '../landlords.tokens.js';
import { Clock } from '@bostadsko/clock';
import { userEmailStream, type UserDetails, type UserRole } from '../organisation/landlord.events.js';
import { LandlordService } from '../organisation/landlord.service.js';
import { Claims, type ClaimHolder } from '../shared/claims.js';
import { commandContext } from '../shared/context.js';

export interface NewUser {
  readonly name: string;
  readonly email: string;
  readonly password: string;
}

/**
 * Landlord users: an e-mail is claimed (one user per address across all
 * landlords), the details sealed under the user's own key, then the user is
 * added to the organisation's stream. A refused addition gives the address back.
 */
@Injectable()
export class LandlordUsersService {
  constructor(
    private readonly landlords: LandlordService,
    private readonly claims: Claims,
    private readonly hasher: PasswordHasher,
    @Inject(VAULT) private readonly vault: PersonalDataVault,
    @Inject(EMAIL_SECRET) private readonly secret: string,
    private readonly clock: Clock,
  ) {}

  emailStream(email: string): string {
    return userEmailStream(createHmac('sha256', this.secret).update(email.trim().toLowerCase()).digest('hex'));
  }

  lookup(email: string): Promise<ClaimHolder | undefined> {
    return this.claims.holder(this.emailStream(email));
  }

  async add(landlordId: string, user: NewUser, role: UserRole | 'first-administrator', actor: string, expectedRevision?: bigint): Promise<{ userId: string; role: UserRole }> {
    await this.landlords.existing(landlordId);
    const userId = randomUUID();
    const context = commandContext(actor, expectedRevision);
    const stream = this.emailStream(user.email);
    const claim = await this.claims.claim(stream, { landlordId, userId }, context.correlationId);
    if (!claim.fresh) throw new Conflict('A landlord user with this e-mail already exists', { type: 'https://bostadsko.se/problems/landlords/email-taken' });
    try {
      const details: UserDetails = { name: user.name, email: user.email.trim().toLowerCase(), passwordHash: await this.hasher.hash(user.password) };
      const personal = await this.vault.seal(userId, details);
      const now = this.clock.now();
      await this.landlords.handle(
        landlordId,
        role === 'first-administrator' ? { type: 'add-first-administrator', userId, personal, addedBy: actor, now } : { type: 'invite-user', userId, role, personal, addedBy: actor, now },
        context,
      );
      return { userId, role: role === 'first-administrator' ? 'administrator' : role };
    } catch (error) {
      await this.claims.release(stream, { landlordId, userId }, context.correlationId);
      throw error;
    }
  }

  async remove(landlordId: string, userId: string, actor: string, byAgency: boolean): Promise<void> {
    const { events } = await this.landlords.existing(landlordId);
    const context = commandContext(actor);
    await this.landlords.handle(landlordId, { type: 'remove-user', userId, removedBy: actor, byAgency, now: this.clock.now() }, context);
    const details = await this.landlords.userDetails(events, userId);
    // The address may be used again, e.g. when the person is later invited back.
    if (details) await this.claims.release(this.emailStream(details.email), { landlordId, userId }, context.correlationId);
  }

  /** A user changes its own password, proving the current one. */
  async changePassword(landlordId: string, userId: string, currentPassword: string, newPassword: string): Promise<void> {
    const { events } = await this.landlords.existing(landlordId);
    const details = await this.landlords.userDetails(events, userId);
    if (!details || !(await this.hasher.verify(details.passwordHash, currentPassword))) {
      throw new DomainRuleViolation('The current password is wrong', { type: 'https://bostadsko.se/problems/landlords/wrong-password' });
    }
    const personal = await this.vault.seal(userId, { ...details, passwordHash: await this.hasher.hash(newPassword) } satisfies UserDetails);
    await this.landlords.handle(landlordId, { type: 'change-user-details', userId, personal, changedBy: userId, now: this.clock.now() }, commandContext(userId));
  }

  /**
   * Erases a removed user's name, e-mail and password hash from every event by
   * destroying its key. The erasure is recorded first, so a failure in between
   * leaves a record that a retry completes.
   */
  async erase(landlordId: string, userId: string, actor: string): Promise<void> {
    await this.landlords.existing(landlordId);
    await this.landlords.handle(landlordId, { type: 'erase-user', userId, erasedBy: actor, now: this.clock.now() }, commandContext(actor));
    await this.vault.erase(userId);
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
