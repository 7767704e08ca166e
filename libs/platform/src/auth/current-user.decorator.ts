import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { userOf, type AuthenticatedUser } from './authenticated-user.js';

/** The caller the AuthGuard authenticated. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthenticatedUser => {
  const user = userOf(context.switchToHttp().getRequest<object>());
  // Only a @Public() route has no user: asking for one there is a programming error.
  if (!user) throw new Error('@CurrentUser() used on a route without authentication');
  return user;
});
