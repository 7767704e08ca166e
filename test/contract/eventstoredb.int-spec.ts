import { execSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { EventStoreDbEventStore } from '@bostadsko/event-store/eventstoredb';
import { eventStoreContract, type StoreOutage } from './event-store.contract.js';

const url = process.env.EVENTSTORE_URL;
/**
 * How this machine stops and starts the server, e.g. `docker compose stop eventstore` and
 * `docker compose start eventstore`: the suite cannot know, so the outage case needs both.
 */
const stopCommand = process.env.EVENTSTORE_STOP_COMMAND;
const startCommand = process.env.EVENTSTORE_START_COMMAND;
const outage: StoreOutage | undefined =
  stopCommand && startCommand
    ? {
        stop: async () => void execSync(stopCommand, { stdio: 'inherit' }),
        start: async () => void execSync(startCommand, { stdio: 'inherit' }),
      }
    : undefined;

if (url) {
  eventStoreContract(
    'EventStoreDB',
    async () => {
      // A fresh app name per case: its streams and subscriptions are its own on a shared, long-lived server.
      const app = `contract-${randomUUID().slice(0, 8)}`;
      const store = EventStoreDbEventStore.connect(url, { app });
      return { store, outage, reopen: () => EventStoreDbEventStore.connect(url, { app }), dispose: () => store.close() };
    },
    {
      heldAppends: 'a client cannot hold an EventStoreDB append open, so its log has no out-of-order commits to test',
      ...(!outage && { outage: 'set EVENTSTORE_STOP_COMMAND and EVENTSTORE_START_COMMAND to commands that stop and start the server' }),
    },
  );
} else {
  // Jest drops console output of skipped files, so write past it to make the skip visible in the run.
  process.stderr.write('EventStoreDB contract suite SKIPPED: set EVENTSTORE_URL (e.g. esdb://localhost:2113?tls=false) to run it\n');
  describe.skip('EventStore contract: EventStoreDB (set EVENTSTORE_URL to run)', () => {
    test('runs against a real server', () => undefined);
  });
}
