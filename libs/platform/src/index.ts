export { bootstrapApp, createTestApp } from './bootstrap.js';
export { PlatformModule } from './platform.module.js';

export { ConfigurationError, env, InvalidValue, loadConfig, type ConfigOf } from './config/env.js';
export { PLATFORM_CONFIG, platformVariables, type PlatformConfig } from './config/platform-config.js';
export { currentCorrelationId } from './logging/correlation-id.js';
export { loggerParams } from './logging/logger-params.js';

export { Conflict, DomainRuleViolation, InvalidRequest, NotFound, ServiceUnavailable, type FieldError } from '@bostadsko/errors';

export type { HealthChecksOptions } from './health/health-checks.js';

export { userOf, type AuthenticatedUser } from './auth/authenticated-user.js';
export { CurrentUser } from './auth/current-user.decorator.js';
export { PasswordHasher } from './auth/password-hasher.js';
export { IS_PUBLIC, Public } from './auth/public.decorator.js';
export { Roles } from './auth/roles.decorator.js';
export { ROLES, type Role } from './auth/roles.js';
export { TokenService, type IssuedToken } from './auth/token.service.js';
export { SignInThrottle, type Throttled } from './auth/throttle/sign-in-throttle.js';
export { configuredRules, THROTTLE_CONFIG, type ThrottleConfig } from './auth/throttle/throttle.config.js';
export type { ThrottleRules } from './auth/throttle/throttle.rules.js';
export { THROTTLED_DESCRIPTION } from './auth/throttle/too-many-sign-in-attempts.js';

export { trainingClockView } from './clock/training-clock.controller.js';

export { PG_POOL } from './database/pg-pool.js';

export { commandContext } from './http/command-context.js';
export { etagOf, revisionFromIfMatch } from './http/etag.js';
export { MAX_BODY_BYTES } from './http/input/input-guards.js';
export { FastRoutes, type BodySchema } from './http/fast-routes.js';
export { IsCalendarDate } from './validation/is-calendar-date.js';
export { QueryNumber } from './validation/query-number.js';
export { LogWrites, noteLogWrite, withLogWrites, currentLogWrites } from './read-after/log-writes.js';
export { ReadModelProgress } from './read-after/read-model-progress.js';
