import { Injectable } from '@nestjs/common';
import { comparePositions, type LogPosition, type LogToken } from './log-token.js';

/** Reports how far one read model has applied a source app's log; positions only move forward. */
export type ProgressReport = (position: LogPosition) => void;

interface Waiter {
  readonly tokens: readonly LogToken[];
  readonly resolve: () => void;
}

/**
 * How far each read model of this app has got, per log it reflects: the app's own
 * projections report positions in its own log, bus consumers report how far they
 * have applied what another app's relay published. A request carrying
 * X-Read-After waits here until every read model of that token's app has passed
 * it. In-process only: a read model run by another process of the app is not seen.
 */
@Injectable()
export class ReadModelProgress {
  /** Source app → read model → the position it has applied (undefined until it first reports). */
  private readonly sources = new Map<string, Map<string, LogPosition | undefined>>();
  private readonly waiters = new Set<Waiter>();

  /** Registers a read model fed from `source`'s log; call the returned report after each commit. */
  track(source: string, readModel: string): ProgressReport {
    const models = this.sources.get(source) ?? new Map<string, LogPosition | undefined>();
    this.sources.set(source, models);
    if (!models.has(readModel)) models.set(readModel, undefined);
    return (position) => {
      const at = models.get(readModel);
      if (at && comparePositions(position, at) <= 0) return;
      models.set(readModel, position);
      this.wake(source);
    };
  }

  /** The tokens some read model here reflects; the others cannot be waited for and are ignored. */
  related(tokens: readonly LogToken[]): LogToken[] {
    return tokens.filter((token) => this.sources.has(token.app));
  }

  reached(token: LogToken): boolean {
    for (const at of this.sources.get(token.app)?.values() ?? []) if (!at || comparePositions(at, token.position) < 0) return false;
    return true;
  }

  /** Resolves once every token is reached, or after `timeoutMs` with those still not reached. */
  waitFor(tokens: readonly LogToken[], timeoutMs: number): Promise<LogToken[]> {
    const unmet = () => tokens.filter((token) => !this.reached(token));
    if (unmet().length === 0) return Promise.resolve([]);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        tokens,
        resolve: () => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve([]);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        resolve(unmet());
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  private wake(source: string): void {
    for (const waiter of this.waiters) {
      if (waiter.tokens.some((t) => t.app === source) && waiter.tokens.every((t) => this.reached(t))) waiter.resolve();
    }
  }
}
