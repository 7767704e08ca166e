import { KAFKA_VERSION } from './broker-jars.js';
import { startLocalBroker } from './local-broker.js';

const log = (line: string) => console.log(`[kafka] ${line}`);

/** `npm run kafka`: the local broker on its own, for apps or tests started by hand with KAFKA_BROKERS. */
async function main(): Promise<void> {
  const broker = await startLocalBroker({ dataDir: process.env.KAFKA_DATA_DIR ?? './data/kafka', preferredPort: Number(process.env.KAFKA_PORT ?? 9092), log });
  log(`Apache Kafka ${KAFKA_VERSION} (KRaft, one node) at ${broker.address}; its log: ${broker.logFile}`);
  log(`use it with KAFKA_BROKERS=${broker.address}; press Ctrl-C to stop`);
  const stop = () => void broker.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: Error) => {
  console.error(`[kafka] ${error.message}`);
  process.exit(1);
});
