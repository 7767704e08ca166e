import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { LandlordService } from '../organisation/landlord.service.js';
import { LandlordUsersService } from './landlord-users.service.js';

/** The organisation's users with role, status and (unless erased) name and e-mail. */
export class LandlordUsers extends Query<Awaited<ReturnType<LandlordUsersService['list']>>> {
  constructor(readonly landlordId: string) {
    super();
  }
}

/** The signed-in landlord user: organisation, role, name, e-mail and the language of its messages. */
export class LandlordUserOf extends Query<Record<string, unknown>> {
  constructor(
    readonly landlordId: string,
    readonly userId: string,
    readonly role: string | undefined,
  ) {
    super();
  }
}

@QueryHandler(LandlordUsers)
export class LandlordUsersHandler implements IQueryHandler<LandlordUsers, Awaited<ReturnType<LandlordUsersService['list']>>> {
  constructor(private readonly users: LandlordUsersService) {}

  execute({ landlordId }: LandlordUsers) {
    return this.users.list(landlordId);
  }
}

@QueryHandler(LandlordUserOf)
export class LandlordUserOfHandler implements IQueryHandler<LandlordUserOf, Record<string, unknown>> {
  constructor(private readonly landlords: LandlordService) {}

  async execute({ landlordId, userId, role }: LandlordUserOf): Promise<Record<string, unknown>> {
    const { state, events } = await this.landlords.existing(landlordId);
    const details = await this.landlords.userDetails(events, userId);
    return { userId, landlordId, organisation: state.name, role, name: details?.name ?? null, email: details?.email ?? null, language: details?.language ?? 'sv' };
  }
}
