import type { FactoryProvider, ModuleMetadata } from '@nestjs/common';

/** Resolves when the dependency answers, rejects with the reason when it does not. */
export type HealthCheck = () => Promise<void>;

export type HealthChecks = Readonly<Record<string, HealthCheck>>;

export const HEALTH_CHECKS = Symbol('HEALTH_CHECKS');

/**
 * How an app supplies its checks (event store, bus, ...), built from its own
 * providers: `{ imports: [EventStoreModule], inject: [EVENT_STORE], useFactory: (store) => ({ eventStore: () => store.ping() }) }`.
 * The database check is always added.
 */
export interface HealthChecksOptions extends Pick<FactoryProvider<HealthChecks>, 'inject' | 'useFactory'> {
  readonly imports?: ModuleMetadata['imports'];
}

export type HealthReport =
  | { readonly status: 'ok'; readonly checks: Readonly<Record<string, 'up'>> }
  | {
      readonly status: 'error';
      readonly checks: Readonly<Record<string, 'up' | 'down'>>;
      readonly errors: Readonly<Record<string, string>>;
    };

// A hung dependency must not hang the probe: the orchestrator would time out without learning which one.
const CHECK_TIMEOUT_MS = 3000;

export async function runHealthChecks(checks: HealthChecks): Promise<HealthReport> {
  const names = Object.keys(checks);
  const results = await Promise.allSettled(names.map((name) => withTimeout(checks[name]!())));
  const statuses: Record<string, 'up' | 'down'> = {};
  const errors: Record<string, string> = {};
  results.forEach((result, index) => {
    const name = names[index]!;
    statuses[name] = result.status === 'fulfilled' ? 'up' : 'down';
    if (result.status === 'rejected') errors[name] = reasonOf(result.reason);
  });
  return Object.keys(errors).length === 0 ? { status: 'ok', checks: statuses as Record<string, 'up'> } : { status: 'error', checks: statuses, errors };
}

async function withTimeout(check: Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([check, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function reasonOf(reason: unknown): string {
  return reason instanceof Error ? reason.message : String(reason);
}
