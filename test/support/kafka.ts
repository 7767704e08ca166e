import { appendFileSync } from 'node:fs';

/** The broker the Kafka suites use (test/support/test-kafka.mjs): KAFKA_BROKERS given to the run, or the run's own; empty when skipped. */
export const kafkaBrokers: readonly string[] = (process.env.TEST_KAFKA_BROKERS ?? '')
  .split(',')
  .map((broker) => broker.trim())
  .filter((broker) => broker.length > 0);

/** Records that a Kafka suite ran, for .ci/run's check that CI never skips them where Java is. */
export function noteKafkaSuiteRan(suite: string): void {
  if (process.env.TEST_KAFKA_MARKER) appendFileSync(process.env.TEST_KAFKA_MARKER, `${suite}\n`);
}

/** Jest drops console output of skipped files, so this writes past it to make the skip visible in the run. */
export function reportKafkaSkipped(suite: string): void {
  process.stderr.write(`\n*** ${suite} on Kafka SKIPPED: no broker (set KAFKA_BROKERS, or install Java 17+ and Maven for a local one) ***\n\n`);
}

/** The buses a suite across the apps runs on: the PostgreSQL log always, Kafka when the run has a broker (else it reports `suite` skipped there). */
export function busesToRunOn(suite: string): Array<{ bus: 'PostgreSQL' | 'Kafka'; brokers: string | undefined }> {
  if (kafkaBrokers.length === 0) reportKafkaSkipped(suite);
  return [{ bus: 'PostgreSQL', brokers: undefined }, ...(kafkaBrokers.length > 0 ? [{ bus: 'Kafka' as const, brokers: kafkaBrokers.join(',') }] : [])];
}

/** Before the apps are created: they pick their bus from KAFKA_BROKERS, and a run on Kafka is noted as `suite` for CI's check. */
export function useBus(brokers: string | undefined, suite: string): void {
  if (!brokers) return;
  process.env.KAFKA_BROKERS = brokers;
  noteKafkaSuiteRan(suite);
}
