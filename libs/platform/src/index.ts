export { bootstrapApp, createTestApp, type AppOptions, type BootstrapOptions } from './bootstrap.js';
export { PlatformModule, type PlatformOptions } from './platform.module.js';

export { ConfigurationError, env, EnvVariable, InvalidValue, loadConfig, type ConfigOf, type EnvSchema, type Parse } from './config/env.js';
export { PLATFORM_CONFIG, platformVariables, type PlatformConfig } from './config/platform-config.js';
export type { SeedAccount } from './config/seed-accounts.js';

export { CORRELATION_ID_HEADER, currentCorrelationId, withCorrelationId } from './logging/correlation-id.js';

export {
  Conflict,
  DomainRuleViolation,
  InvalidRequest,
  NotFound,
  PreconditionFailed,
  ProblemError,
  ServiceUnavailable,
  type ProblemErrorOptions,
  PROBLEM_CONTENT_TYPE,
  type FieldError,
  type ProblemDetails,
} from '../../errors/src/index.js';

export type { HealthCheck, HealthChecks, HealthChecksOptions, HealthReport } from './health/health-checks.js';

export type { AuthenticatedUser } from './auth/authenticated-user.js';
export { CurrentUser } from './auth/current-user.decorator.js';
export { PasswordHasher } from './auth/password-hasher.js';
export { Public } from './auth/public.decorator.js';
export { Roles } from './auth/roles.decorator.js';
export { ROLES, type Role } from './auth/roles.js';
export { TokenService, type IssuedToken } from './auth/token.service.js';

export { PG_POOL } from './database/pg-pool.js';
export { PLATFORM_MIGRATIONS } from './database/platform-migrations.js';

export { etagOf, revisionFromIfMatch } from './http/etag.js';
export { IDEMPOTENCY_HEADER } from './http/idempotency.interceptor.js';
export { FastRoutes, type BodySchema, type FastRoute } from './http/fast-routes.js';
