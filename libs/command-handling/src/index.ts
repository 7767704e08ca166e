// The one command path of every app (docs/decisions/0014-one-command-path.md; usage in ../README.md).
// Pure: event store, errors and Node only, no Nest, so any app, job or tool can use it. Its exports are the
// library's public API (knip.json ignores them here, as it will for a workspace package's entry).
export type { CommandContext } from './command-context.js';
export type { DecidedEvent, Decider } from './decider.js';
export { DeciderHandler, type Decision, type DeciderStream, type Handled, type Known, type Loaded } from './decider-handler.js';
export { envelope } from './envelope.js';
export { EventSchemas, type EventSchema } from './event-schemas.js';
export { idempotencyMarkFor, withIdempotencyKey } from './idempotency.js';
export type { RetryPolicy } from './retry-policy.js';
