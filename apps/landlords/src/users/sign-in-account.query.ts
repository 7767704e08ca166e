import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { LandlordService } from '../organisation/landlord.service.js';
import { LandlordUsersService } from './landlord-users.service.js';

interface LandlordSignInAccountAnswer {
  /** The user holding the address, active or not: the throttle counts failures against them. */
  readonly userId: string | undefined;
  readonly landlordId: string;
  /** Only an active member of a registered landlord, with details still held, may sign in. */
  readonly maySignIn: boolean;
  readonly passwordHash: string | undefined;
}

/** Who holds a landlord user's e-mail address and whether they may sign in; undefined when nobody does. */
export class LandlordSignInAccount extends Query<LandlordSignInAccountAnswer | undefined> {
  constructor(readonly email: string) {
    super();
  }
}

@QueryHandler(LandlordSignInAccount)
export class LandlordSignInAccountHandler implements IQueryHandler<LandlordSignInAccount, LandlordSignInAccountAnswer | undefined> {
  constructor(
    private readonly users: LandlordUsersService,
    private readonly landlords: LandlordService,
  ) {}

  async execute({ email }: LandlordSignInAccount): Promise<LandlordSignInAccountAnswer | undefined> {
    const holder = await this.users.lookup(email);
    if (!holder) return undefined;
    const loaded = holder.userId ? await this.landlords.load(holder.landlordId) : undefined;
    const member = loaded?.state.status === 'registered' && holder.userId ? loaded.state.users[holder.userId] : undefined;
    const details = member?.status === 'active' && loaded && holder.userId ? await this.landlords.userDetails(loaded.events, holder.userId) : undefined;
    return { userId: holder.userId, landlordId: holder.landlordId, maySignIn: details !== undefined, passwordHash: details?.passwordHash };
  }
}
