// The one command path of every app (docs/decisions/0016-one-command-path.md; usage in ../README.md).
// Pure: event store, errors and Node only, no Nest, so any app, job or tool can use it.
export type { CommandContext } from './command-context.js';
export { DeciderHandler, type DeciderStream, type Handled, type Known, type Loaded } from './decider-handler.js';
export { envelope } from './envelope.js';
export { EventSchemas } from './event-schemas.js';
export { idempotencyMarkFor, newStreamId, withIdempotencyKey } from './idempotency.js';
