import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import type { CommandContext } from '@bostadsko/command-handling';
import { Clock } from '@bostadsko/clock';
import type { PersonalDataVault } from '@bostadsko/personal-data';
import { Conflict, DomainRuleViolation, NotFound, PasswordHasher } from '@bostadsko/platform';
import { VAULT } from '../landlords.tokens.js';
import type { UserDetails, UserLanguage, UserRole } from '../organisation/landlord.events.js';
import { LandlordService } from '../organisation/landlord.service.js';
import { Claims } from '../shared/claims.js';
import { LandlordUsersService } from './landlord-users.service.js';

export interface NewUser {
  readonly name: string;
  readonly email: string;
  readonly password: string;
  readonly language?: UserLanguage;
}

/**
 * Staff add the organisation's first administrator, or its administrator adds a user: the
 * e-mail is claimed (one user per address across all landlords), the details sealed under
 * the user's own key, then the user is added to the organisation's stream. A refused
 * addition gives the address back.
 */
export class AddLandlordUser extends Command<{ userId: string; role: UserRole }> {
  constructor(
    readonly landlordId: string,
    readonly user: NewUser,
    readonly role: UserRole | 'first-administrator',
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** The user's tokens stop working at once; its address may be used again. */
export class RemoveLandlordUser extends Command<void> {
  constructor(
    readonly landlordId: string,
    readonly userId: string,
    readonly byAgency: boolean,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** A user changes its own password, proving the current one. */
export class ChangeLandlordUserPassword extends Command<void> {
  constructor(
    readonly landlordId: string,
    readonly currentPassword: string,
    readonly newPassword: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** A user chooses the language its messages are written in; the messages app learns it from the new sealed details. */
export class ChangeLandlordUserLanguage extends Command<void> {
  constructor(
    readonly landlordId: string,
    readonly language: UserLanguage,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/**
 * Erases a removed user's name, e-mail and password hash from every event by destroying
 * its key. The erasure is recorded first, so a failure in between leaves a record that a
 * retry completes.
 */
export class EraseLandlordUser extends Command<void> {
  constructor(
    readonly landlordId: string,
    readonly userId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(AddLandlordUser)
export class AddLandlordUserHandler implements ICommandHandler<AddLandlordUser, { userId: string; role: UserRole }> {
  constructor(
    private readonly landlords: LandlordService,
    private readonly users: LandlordUsersService,
    private readonly claims: Claims,
    private readonly hasher: PasswordHasher,
    @Inject(VAULT) private readonly vault: PersonalDataVault,
    private readonly clock: Clock,
  ) {}

  async execute({ landlordId, user, role, context }: AddLandlordUser): Promise<{ userId: string; role: UserRole }> {
    await this.landlords.existing(landlordId);
    const stream = this.users.emailStream(user.email);
    const claim = await this.claims.claim(stream, { landlordId, userId: randomUUID() }, context.correlationId);
    if (!claim.fresh) throw new Conflict('A landlord user with this e-mail already exists', { type: 'https://bostadsko.se/problems/landlords/email-taken' });
    // The holder's id, not a new one: a retry of this request finds its claim (and its user) in the streams.
    const userId = claim.holder.userId!;
    try {
      const details: UserDetails = { name: user.name, email: user.email.trim().toLowerCase(), passwordHash: await this.hasher.hash(user.password), language: user.language ?? 'sv' };
      const personal = await this.vault.seal(userId, details);
      const now = this.clock.now();
      const addedBy = context.actor;
      await this.landlords.handle(
        landlordId,
        role === 'first-administrator' ? { type: 'add-first-administrator', userId, personal, addedBy, now } : { type: 'invite-user', userId, role, personal, addedBy, now },
        context,
      );
      return { userId, role: role === 'first-administrator' ? 'administrator' : role };
    } catch (error) {
      await this.claims.release(stream, { landlordId, userId }, context.correlationId);
      throw error;
    }
  }
}

@CommandHandler(RemoveLandlordUser)
export class RemoveLandlordUserHandler implements ICommandHandler<RemoveLandlordUser, void> {
  constructor(
    private readonly landlords: LandlordService,
    private readonly users: LandlordUsersService,
    private readonly claims: Claims,
    private readonly clock: Clock,
  ) {}

  async execute({ landlordId, userId, byAgency, context }: RemoveLandlordUser): Promise<void> {
    const { events } = await this.landlords.existing(landlordId);
    await this.landlords.handle(landlordId, { type: 'remove-user', userId, removedBy: context.actor, byAgency, now: this.clock.now() }, context);
    const details = await this.landlords.userDetails(events, userId);
    // The address may be used again, e.g. when the person is later invited back.
    if (details) await this.claims.release(this.users.emailStream(details.email), { landlordId, userId }, context.correlationId);
  }
}

@CommandHandler(ChangeLandlordUserPassword)
export class ChangeLandlordUserPasswordHandler implements ICommandHandler<ChangeLandlordUserPassword, void> {
  constructor(
    private readonly landlords: LandlordService,
    private readonly hasher: PasswordHasher,
    @Inject(VAULT) private readonly vault: PersonalDataVault,
    private readonly clock: Clock,
  ) {}

  async execute({ landlordId, currentPassword, newPassword, context }: ChangeLandlordUserPassword): Promise<void> {
    const userId = context.actor;
    const { events } = await this.landlords.existing(landlordId);
    const details = await this.landlords.userDetails(events, userId);
    if (!details || !(await this.hasher.verify(details.passwordHash, currentPassword))) {
      throw new DomainRuleViolation('The current password is wrong', { type: 'https://bostadsko.se/problems/landlords/wrong-password' });
    }
    const personal = await this.vault.seal(userId, { ...details, passwordHash: await this.hasher.hash(newPassword) } satisfies UserDetails);
    await this.landlords.handle(landlordId, { type: 'change-user-details', userId, personal, changedBy: userId, now: this.clock.now() }, context);
  }
}

@CommandHandler(ChangeLandlordUserLanguage)
export class ChangeLandlordUserLanguageHandler implements ICommandHandler<ChangeLandlordUserLanguage, void> {
  constructor(
    private readonly landlords: LandlordService,
    @Inject(VAULT) private readonly vault: PersonalDataVault,
    private readonly clock: Clock,
  ) {}

  async execute({ landlordId, language, context }: ChangeLandlordUserLanguage): Promise<void> {
    const userId = context.actor;
    const { events } = await this.landlords.existing(landlordId);
    const details = await this.landlords.userDetails(events, userId);
    if (!details) throw new NotFound('No such landlord user');
    if ((details.language ?? 'sv') === language) return;
    const personal = await this.vault.seal(userId, { ...details, language } satisfies UserDetails);
    await this.landlords.handle(landlordId, { type: 'change-user-details', userId, personal, changedBy: userId, now: this.clock.now() }, context);
  }
}

@CommandHandler(EraseLandlordUser)
export class EraseLandlordUserHandler implements ICommandHandler<EraseLandlordUser, void> {
  constructor(
    private readonly landlords: LandlordService,
    @Inject(VAULT) private readonly vault: PersonalDataVault,
    private readonly clock: Clock,
  ) {}

  async execute({ landlordId, userId, context }: EraseLandlordUser): Promise<void> {
    await this.landlords.existing(landlordId);
    await this.landlords.handle(landlordId, { type: 'erase-user', userId, erasedBy: context.actor, now: this.clock.now() }, context);
    await this.vault.erase(userId);
  }
}
