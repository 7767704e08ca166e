import 'reflect-metadata';
import { PersonalDataVault } from '@bostadsko/personal-data';
import { createInfrastructure } from '@bostadsko/runtime';
import { runningOrOwnServer } from './database-server.js';
import { BUS_DATABASE, databaseUrl, kafkaBrokers } from './single-node.js';
import { LISTINGS_WIRING } from '../apps/listings/src/listings.wiring.js';
import { AllocationAudit } from '../apps/listings/src/audit/allocation-audit.js';

/** `npm run audit -- allocations` (with KAFKA_BROKERS in Kafka mode): re-derives every ranking and allocation from the log; exit code 1 on any difference. */
async function main(): Promise<number> {
  if (process.argv[2] !== 'allocations') {
    console.error('usage: npm run audit -- allocations');
    return 2;
  }
  const db = await runningOrOwnServer((line) => console.error(`[audit] ${line}`));
  const infra = await createInfrastructure({
    app: 'listings-audit',
    logOwner: 'listings',
    databaseUrl: process.env.DATABASE_URL ?? databaseUrl(db.url, 'listings'),
    busDatabaseUrl: process.env.BUS_DATABASE_URL ?? (process.env.DATABASE_URL ? undefined : databaseUrl(db.url, BUS_DATABASE)),
    eventStoreUrl: process.env.EVENTSTORE_URL,
    // The seekers replay from the bus the apps use: Kafka's topics when KAFKA_BROKERS is set, else the bus log.
    kafkaBrokers: kafkaBrokers(process.env.KAFKA_BROKERS),
    migrations: LISTINGS_WIRING.migrations,
  });
  try {
    const report = await new AllocationAudit(infra, new PersonalDataVault(infra.pool)).run();
    for (const d of report.differences) console.error(`[audit] ${d.listingId}: ${d.what}: decided ${JSON.stringify(d.decided)}, re-derived ${JSON.stringify(d.rederived)}`);
    if (report.skippedMessages.length > 0) {
      console.error(`[audit] skipped ${report.skippedMessages.length} bus message(s) as the live seekers consumer did: ${report.skippedMessages.map((m) => m.id).join(', ')}`);
      for (const m of report.skippedMessages) console.error(`[audit]   ${m.id}: ${m.reason}`);
    }
    console.log(JSON.stringify({ audit: 'allocations', ...report, skippedMessages: report.skippedMessages.length, differences: report.differences.length }));
    return report.differences.length === 0 ? 0 : 1;
  } finally {
    await infra.close();
    await db.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[audit] failed: ${(error as Error).message}`);
    process.exit(1);
  },
);
