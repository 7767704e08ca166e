import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Pinned: the broker's on-disk format and protocol versions are what the tests were run against. */
export const KAFKA_VERSION = '4.1.1';
// slf4j-simple matches the slf4j-api 1.7 the broker pulls in: without a binding the broker logs nothing at all.
const SLF4J_VERSION = '1.7.36';
const DEPENDENCY_PLUGIN = 'org.apache.maven.plugins:maven-dependency-plugin:3.8.1';

/** Git-ignored; kept across `./data` resets, since the jars never change for a version. */
const CACHE_DIR = resolve(process.env.KAFKA_CACHE_DIR ?? '.cache/kafka');

const pom = () => `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.bostadsko</groupId>
  <artifactId>kafka-broker</artifactId>
  <version>${KAFKA_VERSION}</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka_2.13</artifactId><version>${KAFKA_VERSION}</version></dependency>
    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-simple</artifactId><version>${SLF4J_VERSION}</version></dependency>
  </dependencies>
</project>
`;

/**
 * The broker's class path: Apache Kafka's own jar and its runtime dependencies,
 * fetched once with Maven into the cache. A marker file is written last, so an
 * interrupted download is fetched again instead of leaving half a class path.
 */
export function brokerClasspath(log: (line: string) => void): string {
  const dir = join(CACHE_DIR, KAFKA_VERSION);
  const libs = join(dir, 'libs');
  const complete = join(dir, 'complete');
  if (!existsSync(complete)) {
    log(`fetching Apache Kafka ${KAFKA_VERSION} with Maven into ${dir} (once)…`);
    rmSync(libs, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'pom.xml'), pom());
    const mvn = spawnSync('mvn', ['-B', '-q', '-Dstyle.color=never', '-f', join(dir, 'pom.xml'), `${DEPENDENCY_PLUGIN}:copy-dependencies`, `-DoutputDirectory=${libs}`, '-DincludeScope=runtime'], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (mvn.error) throw new Error(`Maven (\`mvn\`) is needed to fetch Kafka's broker once: ${mvn.error.message}`);
    if (mvn.status !== 0) throw new Error(`Maven could not fetch org.apache.kafka:kafka_2.13:${KAFKA_VERSION} (exit ${mvn.status})`);
    writeFileSync(complete, `${new Date().toISOString()}\n`);
  }
  return `${libs}/*`;
}
