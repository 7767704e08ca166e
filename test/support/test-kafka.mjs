// The Kafka suites' broker: the one in KAFKA_BROKERS, else a local one for the run when Java can run it.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';

/** The Kafka suites append their names here (test/support/kafka.ts); .ci/run fails when they did not run on a machine with Java. */
const KAFKA_SUITES_MARKER = 'test-artifacts/kafka-suites-ran';

export async function startTestKafka(compiled) {
  mkdirSync('test-artifacts', { recursive: true });
  writeFileSync(KAFKA_SUITES_MARKER, '');
  process.env.TEST_KAFKA_MARKER = KAFKA_SUITES_MARKER;
  // Moved aside: apps under test read KAFKA_BROKERS, and only the Kafka suites are meant to use the broker.
  const external = process.env.KAFKA_BROKERS;
  delete process.env.KAFKA_BROKERS;
  if (external) {
    process.env.TEST_KAFKA_BROKERS = external;
    return;
  }
  const { javaProblem } = await import(new URL('kafka/java.js', compiled).href);
  const problem = javaProblem();
  if (problem) {
    process.stderr.write(`\n*** Kafka suites SKIPPED: ${problem}, or set KAFKA_BROKERS ***\n\n`);
    return;
  }
  const { startLocalBroker } = await import(new URL('kafka/local-broker.js', compiled).href);
  const dataDir = `./data/test-kafka-${process.pid}`;
  rmSync(dataDir, { recursive: true, force: true });
  const started = Date.now();
  const broker = await startLocalBroker({ dataDir, preferredPort: 0, log: (line) => process.stderr.write(`[kafka] ${line}\n`) });
  process.stderr.write(`[kafka] local broker at ${broker.address} for this run (${((Date.now() - started) / 1000).toFixed(1)} s to start)\n`);
  process.env.TEST_KAFKA_BROKERS = broker.address;
  globalThis.__LOCAL_KAFKA__ = { broker, dataDir };
}

export async function stopTestKafka() {
  const started = globalThis.__LOCAL_KAFKA__;
  if (!started) return;
  await started.broker.stop();
  rmSync(started.dataDir, { recursive: true, force: true });
}
