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
