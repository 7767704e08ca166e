import type { ConsumeOptions, Consumer, DeadLetter, IntegrationBus, IntegrationMessage, MessageHandler, Tx } from '../bus.port.js';
import { poisonReason } from '../poison.js';
import { DEFAULT_MAX_ATTEMPTS } from '../postgres/deliver.js';

/** Unit tests have no read-model database: a handler that touches the transaction is a test bug. */
const NO_DATABASE: Tx = {
  query: async () => {
    throw new Error('InMemoryBus has no database transaction; use PostgresBus in integration tests');
  },
};

/** For unit tests: same delivery rules as the real buses (per-group once, in order, dead letters). */
export class InMemoryBus implements IntegrationBus {
  private readonly log: IntegrationMessage[] = [];
  private readonly ids = new Set<string>();
  private readonly dead: DeadLetter[] = [];
  /** Members of a group drain one at a time (`busy`), so each message is handled once and in order, as by a partition's one owner. */
  private readonly groups = new Map<string, { offset: number; handled: Set<string>; busy: Promise<void> }>();
  private readonly pumps = new Set<() => void>();

  async publish(messages: readonly IntegrationMessage[]): Promise<void> {
    for (const message of messages) {
      if (this.ids.has(message.id)) continue;
      this.ids.add(message.id);
      this.log.push(structuredClone(message));
    }
    for (const pump of this.pumps) pump();
  }

  async consume(options: ConsumeOptions, handler: MessageHandler): Promise<Consumer> {
    const state = this.groups.get(options.group) ?? { offset: 0, handled: new Set<string>(), busy: Promise.resolve() };
    this.groups.set(options.group, state);
    let stopped = false;
    const drain = async () => {
      while (!stopped && state.offset < this.log.length) {
        const message = this.log[state.offset];
        if (options.topics.includes(message.type) && !state.handled.has(message.id)) {
          await this.handle(options, handler, message);
          state.handled.add(message.id);
        }
        state.offset++;
      }
    };
    const pump = () => {
      state.busy = state.busy.then(drain);
    };
    this.pumps.add(pump);
    pump();
    return {
      stop: async () => {
        stopped = true;
        this.pumps.delete(pump);
        await state.busy;
      },
    };
  }

  private async handle(options: ConsumeOptions, handler: MessageHandler, message: IntegrationMessage): Promise<void> {
    const poison = poisonReason(message);
    if (poison !== undefined) {
      this.dead.push({ group: options.group, message, error: poison, attempts: 1, failedAt: new Date() });
      return;
    }
    const attempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    let lastError: unknown;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        return await handler(message, NO_DATABASE);
      } catch (error) {
        lastError = error;
      }
    }
    this.dead.push({ group: options.group, message, error: String(lastError), attempts, failedAt: new Date() });
  }

  async deadLetters(group: string): Promise<DeadLetter[]> {
    return this.dead.filter((d) => d.group === group);
  }

  async appliedAll(group: string, topics: readonly string[]): Promise<boolean> {
    const state = this.groups.get(group);
    return this.log.slice(state?.offset ?? 0).every((message) => !topics.includes(message.type));
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    this.pumps.clear();
  }
}
