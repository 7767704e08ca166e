import { createSecretKey } from 'node:crypto';
import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { JwtModule, type JwtModuleOptions } from '@nestjs/jwt';
import { LoggerModule } from 'nestjs-pino';
import type pg from 'pg';
import { AccountRepository } from './auth/account.repository.js';
import { AccountSeeder } from './auth/account-seeder.js';
import { AuthController } from './auth/auth.controller.js';
import { StaffDirectoryController } from './auth/staff-directory.controller.js';
import { AuthGuard } from './auth/auth.guard.js';
import { PasswordHasher } from './auth/password-hasher.js';
import { SignInService } from './auth/sign-in.service.js';
import { SignInFailures } from './auth/throttle/sign-in-failures.js';
import { SignInThrottle } from './auth/throttle/sign-in-throttle.js';
import { THROTTLE_CONFIG, throttleConfigProvider } from './auth/throttle/throttle.config.js';
import { clockProvider } from './clock/clock.provider.js';
import { TrainingClockController } from './clock/training-clock.controller.js';
import { TokenService } from './auth/token.service.js';
import { loadConfig } from './config/env.js';
import { PLATFORM_CONFIG, platformVariables, type PlatformConfig } from './config/platform-config.js';
import { createPool, PG_POOL } from './database/pg-pool.js';
import { ProblemDetailsFilter } from './errors/problem-details.filter.js';
import { RequestValidationPipe } from './errors/request-validation.pipe.js';
import { HEALTH_CHECKS, type HealthChecks } from './health/health-checks.js';
import { HealthController } from './health/health.controller.js';
import { ClaimOwner } from './http/claim-owner.js';
import { FastRoutes } from './http/fast-routes.js';
import { PLATFORM_OPTIONS, type PlatformOptions } from './platform-options.js';
import { IdempotencyInterceptor, IdempotencyStore } from './http/idempotency.interceptor.js';
import { loggerParams } from './logging/logger-params.js';
import { RequestLog } from './logging/request-log.js';
import { ReadAfterHooks } from './read-after/read-after.hooks.js';
import { ReadModelProgress } from './read-after/read-model-progress.js';

export { PLATFORM_OPTIONS, type PlatformOptions } from './platform-options.js';

@Module({})
class PlatformSettingsModule {}

/**
 * Everything an app shares with the others: configuration, pino logging with
 * correlation ids, problem-details errors, validation, bearer-token auth with
 * roles, /health, /auth/token, /training-clock, the business Clock and the
 * PostgreSQL pool. Global, so the app's modules inject PG_POOL, PLATFORM_CONFIG,
 * Clock and TokenService without importing it.
 */
@Module({})
export class PlatformModule implements OnApplicationShutdown {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  static forRoot(options: PlatformOptions): DynamicModule {
    const settings: DynamicModule = {
      module: PlatformSettingsModule,
      providers: [
        { provide: PLATFORM_OPTIONS, useValue: options },
        // Read at start rather than at import, so tests can set the environment first.
        { provide: PLATFORM_CONFIG, useFactory: () => options.config ?? loadConfig(platformVariables) },
      ],
      exports: [PLATFORM_OPTIONS, PLATFORM_CONFIG],
    };
    const appChecks = options.healthChecks;
    return {
      module: PlatformModule,
      global: true,
      imports: [
        settings,
        LoggerModule.forRootAsync({
          imports: [settings],
          inject: [PLATFORM_CONFIG],
          useFactory: (config: PlatformConfig) => loggerParams(options.name, config),
        }),
        JwtModule.registerAsync({ imports: [settings], inject: [PLATFORM_CONFIG], useFactory: jwtOptions }),
        ...(appChecks?.imports ?? []),
      ],
      controllers: [HealthController, AuthController, StaffDirectoryController, TrainingClockController],
      providers: [
        {
          provide: PG_POOL,
          inject: [PLATFORM_CONFIG],
          useFactory: (config: PlatformConfig) => createPool(options.name, config.DATABASE_URL),
        },
        {
          provide: HEALTH_CHECKS,
          inject: [PG_POOL, ...(appChecks?.inject ?? [])],
          useFactory: async (pool: pg.Pool, ...dependencies: unknown[]): Promise<HealthChecks> => ({
            database: async () => {
              await pool.query('SELECT 1');
            },
            ...(await appChecks?.useFactory(...dependencies)),
          }),
        },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useClass: RequestValidationPipe },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        AccountRepository,
        AccountSeeder,
        PasswordHasher,
        SignInService,
        SignInFailures,
        SignInThrottle,
        throttleConfigProvider,
        TokenService,
        ClaimOwner,
        IdempotencyStore,
        FastRoutes,
        RequestLog,
        clockProvider,
        ReadModelProgress,
        ReadAfterHooks,
      ],
      exports: [settings, PG_POOL, TokenService, PasswordHasher, SignInThrottle, THROTTLE_CONFIG, FastRoutes, clockProvider, ReadModelProgress],
    };
  }

  // After every module's onModuleDestroy/beforeApplicationShutdown, so their last queries still run.
  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}

function jwtOptions(config: PlatformConfig): JwtModuleOptions {
  return {
    // A KeyObject, not the string: jsonwebtoken otherwise first tries the string as a public key on every
    // verify, which cost about half a millisecond of CPU per request.
    secret: createSecretKey(Buffer.from(config.JWT_SECRET, 'utf8')),
    signOptions: { algorithm: 'HS256', expiresIn: config.JWT_TTL_SECONDS },
    // Pinning the algorithm stops a token from choosing its own (e.g. "none").
    verifyOptions: { algorithms: ['HS256'] },
  };
}
