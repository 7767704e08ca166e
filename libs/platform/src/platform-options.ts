import type { PlatformConfig } from './config/platform-config.js';
import type { HealthChecksOptions } from './health/health-checks.js';
import type { FastRouteKey } from './http/fast-routes.js';

export interface PlatformOptions {
  /** The app's name in logs, in the OpenAPI title and in PostgreSQL's application_name. */
  readonly name: string;
  /**
   * Validated configuration. Defaults to the platform variables read from
   * process.env when the app starts; pass `loadConfig({ ...platformVariables, ...yours })`
   * when the app has variables of its own.
   */
  readonly config?: PlatformConfig;
  /** Checks /health runs besides the database's. */
  readonly healthChecks?: HealthChecksOptions;
  /**
   * Routes the app registers with FastRoutes. Nest's request-logging middleware
   * skips them (its per-request loggers cost as much as the rest of such a
   * request); FastRoutes logs their completion itself.
   */
  readonly fastRoutes?: readonly FastRouteKey[];
}

export const PLATFORM_OPTIONS = Symbol('PLATFORM_OPTIONS');
