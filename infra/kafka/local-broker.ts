import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { freePort, preferredOrFreePort } from '../free-port.js';
import { brokerConfig } from './broker-config.js';
import { brokerClasspath } from './broker-jars.js';
import { javaProblem } from './java.js';
import type { Supervisor } from '../supervisor.js';

export interface LocalBrokerOptions {
  /** Holds the configuration, the broker's log file and its data (`logs/`). */
  readonly dataDir: string;
  /** Taken when free, else any free port. */
  readonly preferredPort: number;
  readonly log: (line: string) => void;
  /**
   * Keeps the broker running (`npm start -- --kafka`): one that dies is started again on the same
   * ports and data, as the apps are, and `stop()` stops it through this supervisor, which must
   * supervise nothing else. Without one, a broker that dies stays down.
   */
  readonly supervisor?: Supervisor;
}

export interface LocalBroker {
  /** host:port, the value for KAFKA_BROKERS. */
  readonly address: string;
  /** Where the broker's own output goes. */
  readonly logFile: string;
  stop(): Promise<void>;
}

const READY_WITHIN_MS = 90_000;
/** A controlled shutdown's time before the broker is killed; a supervisor that stops it should wait as long. */
export const BROKER_STOP_MS = 20_000;
// Enough for a test broker on a shared two-core machine; the JVM would otherwise take a quarter of the RAM.
const JVM_OPTIONS = ['-Xms128m', '-Xmx512m', '-XX:+UseSerialGC', '-Djava.awt.headless=true', '-Dorg.slf4j.simpleLogger.defaultLogLevel=warn'];

/** Kafka's cluster ids are 16 random bytes in URL-safe base64; the broker refuses one starting with '-'. */
function clusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

/** Formats the KRaft storage once (what `kafka-storage.sh format` does); later starts reuse it. */
function formatOnce(classpath: string, config: string, logDir: string): void {
  if (existsSync(join(logDir, 'meta.properties'))) return;
  const result = spawnSync('java', [...JVM_OPTIONS, '-cp', classpath, 'kafka.tools.StorageTool', 'format', '-t', clusterId(), '-c', config], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`formatting Kafka storage in ${logDir} failed: ${result.stderr || result.stdout}`);
}

async function waitUntilReady(address: string, exited: () => string | null): Promise<void> {
  const admin = new Kafka({ clientId: 'local-broker-probe', brokers: [address], logLevel: logLevel.NOTHING, retry: { retries: 0 } }).admin();
  const until = Date.now() + READY_WITHIN_MS;
  try {
    for (;;) {
      const exit = exited();
      if (exit) throw new Error(exit);
      try {
        await admin.connect();
        await admin.describeCluster();
        // Creates the group coordinator's topic and waits until it has loaded, so the first consumer does not crash on it.
        await admin.describeGroups(['local-broker-probe']);
        return;
      } catch {
        if (Date.now() > until) throw new Error(`Kafka at ${address} did not answer within ${READY_WITHIN_MS / 1000} s`);
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  } finally {
    await admin.disconnect();
  }
}

/** Apache Kafka's own broker in KRaft mode, as a child process on this machine. */
export async function startLocalBroker(options: LocalBrokerOptions): Promise<LocalBroker> {
  const problem = javaProblem();
  if (problem) throw new Error(problem);
  const dataDir = resolve(options.dataDir);
  const logDir = join(dataDir, 'logs');
  const configFile = join(dataDir, 'server.properties');
  const logFile = join(dataDir, 'broker.log');
  mkdirSync(logDir, { recursive: true });
  const classpath = brokerClasspath(options.log);
  const ports = { client: await preferredOrFreePort(options.preferredPort), controller: await freePort() };
  writeFileSync(configFile, brokerConfig(ports, logDir));
  formatOnce(classpath, configFile, logDir);

  const output = createWriteStream(logFile, { flags: 'a' });
  const launch = () => {
    const child = spawn('java', [...JVM_OPTIONS, '-cp', classpath, 'kafka.Kafka', configFile], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(output, { end: false });
    child.stderr.pipe(output, { end: false });
    return child;
  };
  const supervised = options.supervisor?.add('kafka', launch);
  const only = supervised ? undefined : launch();
  const current = (): ChildProcess => supervised?.current() ?? only!;
  // The broker must not outlive whoever started it, even when that process dies without stopping it.
  const killOnExit = () => current().kill('SIGKILL');
  process.on('exit', killOnExit);
  const running = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;
  const exitMessage = () => {
    const child = current();
    return running(child) ? null : `Kafka exited (${child.exitCode ?? child.signalCode}); its log ${logFile} ends:\n${readFileSync(logFile, 'utf8').slice(-2000)}`;
  };

  const address = `127.0.0.1:${ports.client}`;
  const stop = async () => {
    process.off('exit', killOnExit);
    if (options.supervisor) {
      await options.supervisor.stop();
    } else if (running(current())) {
      // SIGTERM is a controlled shutdown: the broker flushes and closes its logs, so the next start needs no recovery.
      const child = current();
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), BROKER_STOP_MS);
      await exited;
      clearTimeout(timer);
    }
    output.end();
  };
  try {
    await waitUntilReady(address, exitMessage);
  } catch (error) {
    await stop();
    throw error;
  }
  return { address, logFile, stop };
}
