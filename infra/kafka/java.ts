import { spawnSync } from 'node:child_process';

/** Kafka 4 brokers need Java 17 (KIP-750). */
const JAVA_NEEDED = 17;

/** The major version of `java` on the PATH (8 for "1.8.0_…"), or null when there is none. */
function javaMajorVersion(): number | null {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) return null;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr}${result.stdout}`);
  if (!match) return null;
  const major = Number(match[1]);
  return major === 1 ? Number(match[2]) : major;
}

/** The one line a machine without a usable Java gets, or null when the broker can run. */
export function javaProblem(): string | null {
  const major = javaMajorVersion();
  if (major === null) return `Kafka's broker needs Java ${JAVA_NEEDED} or later and Maven (\`java\`, \`mvn\` on the PATH; Debian: apt-get install openjdk-17-jre-headless maven)`;
  if (major < JAVA_NEEDED) return `Kafka's broker needs Java ${JAVA_NEEDED} or later; \`java\` on the PATH is Java ${major}`;
  return null;
}
