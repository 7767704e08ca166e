import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFound } from '@bostadsko/platform';
import { CloseService } from './close.service.js';

interface Closed {
  readonly listingId: string;
  readonly status: string;
  readonly eligible: number | null;
  readonly applications: number | null;
}

/** POST /listings/:id/close: staff rank one listing now if its deadline has passed; idempotent. */
export class CloseListing extends Command<Closed> {
  constructor(readonly listingId: string) {
    super();
  }
}

/** POST /listings/jobs/close-due and the schedule: rank every listing past its deadline, end those of terminated agreements. */
export class CloseDueListings extends Command<Awaited<ReturnType<CloseService['runDue']>>> {}

@CommandHandler(CloseListing)
export class CloseListingHandler implements ICommandHandler<CloseListing, Closed> {
  constructor(private readonly close: CloseService) {}

  async execute({ listingId }: CloseListing): Promise<Closed> {
    const { state } = await this.close.close(listingId);
    if (state.status === 'none') throw new NotFound('No such listing');
    return { listingId, status: state.status, eligible: state.ranked?.ranking.length ?? null, applications: state.ranked?.applications ?? null };
  }
}

@CommandHandler(CloseDueListings)
export class CloseDueListingsHandler implements ICommandHandler<CloseDueListings, Awaited<ReturnType<CloseService['runDue']>>> {
  constructor(private readonly close: CloseService) {}

  execute(): ReturnType<CloseService['runDue']> {
    return this.close.runDue();
  }
}
