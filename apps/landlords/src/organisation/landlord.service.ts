import { Inject, Injectable } from '@nestjs/common';
import type { RecordedEvent } from '@bostadsko/event-store';
import type { PersonalDataVault, Sealed } from '@bostadsko/personal-data';
import { NotFound } from '@bostadsko/platform';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { VAULT } from '../landlords.tokens.js';
import { AggregateStore, type CommandContext, type Loaded } from '../shared/aggregate-store.js';
import { decide, evolve, initialState, type LandlordCommand, type LandlordState } from './landlord.decider.js';
import { landlordStream, type ContactDetails, type LandlordEvent, type UserDetails, type UserRole } from './landlord.events.js';

export type Registered = Extract<LandlordState, { status: 'registered' }>;

/** The landlord streams: load, decide and append; and what their sealed parts say. */
@Injectable()
export class LandlordService {
  private readonly store: AggregateStore<LandlordCommand, LandlordEvent, LandlordState>;

  constructor(
    @Inject(INFRASTRUCTURE) infra: Infrastructure,
    @Inject(VAULT) private readonly vault: PersonalDataVault,
  ) {
    this.store = new AggregateStore(infra, { decide, evolve, initialState });
  }

  load(landlordId: string): Promise<Loaded<LandlordState>> {
    return this.store.load(landlordStream(landlordId));
  }

  async existing(landlordId: string): Promise<Loaded<LandlordState> & { state: Registered; revision: bigint }> {
    const loaded = await this.load(landlordId);
    if (loaded.state.status === 'none' || loaded.revision === undefined) throw new NotFound('No such landlord');
    return loaded as Loaded<LandlordState> & { state: Registered; revision: bigint };
  }

  handle(landlordId: string, command: LandlordCommand, context: CommandContext) {
    return this.store.handle(landlordStream(landlordId), command, context);
  }

  /** The user's role if it is still active in this landlord, else undefined. */
  async activeRole(landlordId: string, userId: string): Promise<UserRole | undefined> {
    const { state } = await this.load(landlordId);
    const member = state.status === 'registered' ? state.users[userId] : undefined;
    return member?.status === 'active' ? member.role : undefined;
  }

  async contact(events: readonly RecordedEvent[]): Promise<ContactDetails | null> {
    const latest = [...events].reverse().find((e) => e.type === 'landlord-registered' || e.type === 'contact-changed');
    return (latest && (await this.vault.open<ContactDetails>((latest.data as { contact: Sealed }).contact))) ?? null;
  }

  /** A user's latest sealed details; undefined once erased. */
  async userDetails(events: readonly RecordedEvent[], userId: string): Promise<UserDetails | undefined> {
    const latest = [...events].reverse().find((e) => (e.type === 'user-added' || e.type === 'user-details-changed') && (e.data as { userId: string }).userId === userId);
    return latest ? this.vault.open<UserDetails>((latest.data as { personal: Sealed }).personal) : undefined;
  }

  /** An event as a reader may see it: sealed parts opened without password hashes. */
  async readable(event: RecordedEvent): Promise<Record<string, unknown>> {
    const data = { ...(event.data as Record<string, unknown>) };
    if (data.contact) data.contact = (await this.vault.open(data.contact as Sealed)) ?? '(erased)';
    if (data.personal) {
      const details = await this.vault.open<UserDetails>(data.personal as Sealed);
      data.personal = details ? { name: details.name, email: details.email } : '(erased)';
    }
    return { type: event.type, revision: Number(event.revision), recordedAt: event.recordedAt.toISOString(), actor: event.metadata.actor ?? null, data };
  }
}
