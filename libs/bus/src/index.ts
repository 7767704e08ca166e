export * from './bus.port.js';
export { PostgresBus } from './postgres/postgres.bus.js';
export { BUS_LOG_MIGRATIONS, BUS_OFFSET_MIGRATIONS } from './postgres/bus-log.schema.js';
export { CONSUMER_MIGRATIONS } from './postgres/consumer.schema.js';
export { InMemoryBus } from './in-memory/in-memory.bus.js';
export { allMessages, integrationMessage, startRelay, type IntegrationMapper } from './relay.js';
export { ReplayFilter, type SkippedMessage } from './replay-filter.js';
