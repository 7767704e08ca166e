import request from 'supertest';
import { startAllApps, type RunningApp } from './all-apps.js';
import { operationsOf, type Operation } from './openapi-operations.js';

export interface EveryOperation {
  /** Every app, for what their logs hold before and after a probe. */
  readonly apps: readonly RunningApp[];
  /** Every operation of every app's OpenAPI document. */
  readonly operations: ReadonlyArray<{ app: RunningApp; operation: Operation }>;
  /**
   * Sends `operation` to `app` at `url` (with `body` as JSON text) as a caller with every role, who
   * gives a reason as staff reading a person's data must: what a probe meets is its own input's fate.
   */
  send(app: RunningApp, operation: Operation, url: string, body?: string): request.Test;
}

/**
 * Starts every app before the suite's tests and closes them after: the probes that walk every
 * operation of every app's document, so a new endpoint is covered the day it is added.
 * Read it inside a test, never while the suite is being declared.
 */
export function everyOperationOfEveryApp(): EveryOperation {
  let running: Awaited<ReturnType<typeof startAllApps>> | undefined;
  let operations: Array<{ app: RunningApp; operation: Operation }> = [];

  beforeAll(async () => {
    running = await startAllApps();
    operations = running.apps.flatMap((app) => operationsOf(app.document).map((operation) => ({ app, operation })));
  });

  afterAll(async () => {
    await running?.close();
  });

  const started = () => {
    if (!running) throw new Error('the apps are not started: read before the suite’s beforeAll ran');
    return running;
  };
  return {
    get apps() {
      return started().apps;
    },
    get operations() {
      started();
      return operations;
    },
    send(app, operation, url, body) {
      const call = (request(app.app.getHttpServer()) as unknown as Record<string, (url: string) => request.Test>)[operation.method]!(url)
        .set('authorization', `Bearer ${started().everyRoleToken}`)
        .set('x-access-reason', 'hostile-input probe');
      return body === undefined ? call : call.set('content-type', 'application/json').send(body);
    },
  };
}
