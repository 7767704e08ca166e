export * from './bus.port.js';
export { PostgresBus, type LoggedMessage } from './postgres/postgres.bus.js';
export { BUS_LOG_MIGRATIONS, BUS_OFFSET_MIGRATIONS } from './postgres/bus-log.schema.js';
export { CONSUMER_MIGRATIONS } from './postgres/consumer.schema.js';
export { InMemoryBus } from './in-memory/in-memory.bus.js';
export { allMessages, startRelay, integrationMessage, type IntegrationMapper, type RelayOptions } from './relay.js';
export { KafkaBus, type KafkaBusOptions } from './kafka/kafka.bus.js';
