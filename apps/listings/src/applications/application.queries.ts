import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { AuthenticatedUser } from '@bostadsko/platform';
import { ApplicationViews, type ApplicationView } from './application-views.js';

/** GET /applications: the seeker's own, newest first, each with its place. */
export class MyApplications extends Query<ApplicationView[]> {
  constructor(readonly user: AuthenticatedUser) {
    super();
  }
}

/** GET /applications/:id (a fast route): one of the seeker's own with its place. */
export class OneOfMyApplications extends Query<ApplicationView> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly applicationId: string,
  ) {
    super();
  }
}

@QueryHandler(MyApplications)
export class MyApplicationsHandler implements IQueryHandler<MyApplications, ApplicationView[]> {
  constructor(private readonly views: ApplicationViews) {}

  execute({ user }: MyApplications): Promise<ApplicationView[]> {
    return this.views.mine(user);
  }
}

@QueryHandler(OneOfMyApplications)
export class OneOfMyApplicationsHandler implements IQueryHandler<OneOfMyApplications, ApplicationView> {
  constructor(private readonly views: ApplicationViews) {}

  execute({ user, applicationId }: OneOfMyApplications): Promise<ApplicationView> {
    return this.views.one(user, applicationId);
  }
}
