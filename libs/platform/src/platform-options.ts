import type { PlatformConfig } from './config/platform-config.js';
import type { HealthChecksOptions } from './health/health-checks.js';

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
}

export const PLATFORM_OPTIONS = Symbol('PLATFORM_OPTIONS');
