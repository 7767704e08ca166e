import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { stockholmDate } from '@bostadsko/calendar';
import type { CommandContext } from '@bostadsko/command-handling';
import { Clock } from '@bostadsko/clock';
import { SAVED_SEARCHES } from '../messages.tokens.js';
import { PolicyService } from '../policy/policy.service.js';
import type { AlertMode, SearchFilters } from './saved-search.events.js';
import type { SavedSearches } from './saved-searches.stream.js';

/** Keep a search, up to the policy's cap on the business date. */
export class SaveSearch extends Command<{ searchId: string }> {
  constructor(
    readonly applicantId: string,
    readonly filters: SearchFilters,
    readonly alerts: AlertMode,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(SaveSearch)
export class SaveSearchHandler implements ICommandHandler<SaveSearch, { searchId: string }> {
  constructor(
    @Inject(SAVED_SEARCHES) private readonly searches: SavedSearches,
    private readonly policy: PolicyService,
    private readonly clock: Clock,
  ) {}

  async execute({ applicantId, filters, alerts, context }: SaveSearch): Promise<{ searchId: string }> {
    const now = this.clock.now();
    const { savedSearchesPerSeeker } = await this.policy.on(stockholmDate(now));
    const searchId = randomUUID();
    const { events } = await this.searches.handle({ applicantId, command: { type: 'save', searchId, filters, alerts, cap: savedSearchesPerSeeker, now: now.toISOString() } }, context);
    // A replayed request answers with the id its first attempt saved, not the one drawn now.
    const saved = events.find((e) => e.type === 'search-saved');
    return { searchId: saved?.type === 'search-saved' ? saved.data.searchId : searchId };
  }
}

/** Alerts at once or in the daily digest from now on. */
export class ChangeSearchAlerts extends Command<void> {
  constructor(
    readonly applicantId: string,
    readonly searchId: string,
    readonly alerts: AlertMode,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ChangeSearchAlerts)
export class ChangeSearchAlertsHandler implements ICommandHandler<ChangeSearchAlerts, void> {
  constructor(@Inject(SAVED_SEARCHES) private readonly searches: SavedSearches) {}

  async execute({ applicantId, searchId, alerts, context }: ChangeSearchAlerts): Promise<void> {
    await this.searches.handle({ applicantId, command: { type: 'change-alerts', searchId, alerts } }, context);
  }
}

/** No alerts from this search any more. */
export class DeleteSearch extends Command<void> {
  constructor(
    readonly applicantId: string,
    readonly searchId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(DeleteSearch)
export class DeleteSearchHandler implements ICommandHandler<DeleteSearch, void> {
  constructor(
    @Inject(SAVED_SEARCHES) private readonly searches: SavedSearches,
    private readonly clock: Clock,
  ) {}

  async execute({ applicantId, searchId, context }: DeleteSearch): Promise<void> {
    await this.searches.handle({ applicantId, command: { type: 'delete', searchId, now: this.clock.now().toISOString() } }, context);
  }
}
