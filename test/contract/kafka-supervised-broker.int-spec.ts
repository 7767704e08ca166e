import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { startLocalBroker } from '../../infra/kafka/local-broker.js';
import { Supervisor } from '../../infra/supervisor.js';
import { eventually } from '../support/eventually.js';
import { kafkaBrokers, noteKafkaSuiteRan } from '../support/kafka.js';

/** The broker processes running on this data directory: the test's own, found by their configuration file. */
const brokerPids = (dataDir: string): number[] =>
  spawnSync('pgrep', ['-f', `kafka.Kafka ${resolve(dataDir)}/server.properties`], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter((line) => line.trim().length > 0)
    .map(Number);

// Needs a broker of its own to kill; runs wherever the run could start the shared one.
(kafkaBrokers.length > 0 ? describe : describe.skip)('the local broker under a supervisor (npm start -- --kafka)', () => {
  const dataDir = `./data/test-kafka-supervised-${process.pid}`;

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  test('a broker that is killed is started again on its port; stop() ends it for good', async () => {
    noteKafkaSuiteRan('supervised broker');
    rmSync(dataDir, { recursive: true, force: true });
    const lines: string[] = [];
    const supervisor = new Supervisor({ log: (line) => lines.push(line), onGiveUp: (reason) => lines.push(reason) });
    const broker = await startLocalBroker({ dataDir, preferredPort: 0, log: () => undefined, supervisor });
    try {
      const [first] = brokerPids(dataDir);
      expect(first).toBeDefined();
      process.kill(first, 'SIGKILL');
      await eventually(
        async () => brokerPids(dataDir),
        (pids) => pids.length === 1 && pids[0] !== first,
      );
      const admin = new Kafka({ clientId: 'supervised-broker-test', brokers: [broker.address], logLevel: logLevel.NOTHING, retry: { retries: 0 } }).admin();
      const answers = async () => {
        try {
          await admin.connect();
          return (await admin.describeCluster()).brokers.length;
        } catch {
          return 0;
        }
      };
      expect(await eventually(answers, (brokers) => brokers === 1, 150_000)).toBe(1);
      await admin.disconnect();
      expect(lines).toContain('kafka exited (SIGKILL); restarting it in 1 s');
    } finally {
      await broker.stop();
    }
    expect(brokerPids(dataDir)).toEqual([]);
  }, 240_000);
});
