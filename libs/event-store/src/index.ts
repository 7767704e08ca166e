export * from './event-store.port.js';
export * from './errors.js';
export { PostgresEventStore } from './postgres/postgres.event-store.js';
export { EVENT_STORE_MIGRATIONS } from './postgres/event-store.schema.js';
export { InMemoryEventStore } from './in-memory/in-memory.event-store.js';
export { supervise } from './supervise.js';
export { appendSql } from './postgres/append.sql.js';
export type { BusinessNow } from './business-time.js';
