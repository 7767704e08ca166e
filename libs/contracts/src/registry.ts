import type { Contract } from './contract.js';
import * as contracts from './index.js';

const isContract = (value: unknown): value is Contract<unknown> => typeof value === 'object' && value !== null && 'type' in value && 'parse' in value;

/** Every contract by its topic, so the bus can check a message whatever the consumer: poison is found before any handler runs. */
export const CONTRACTS: ReadonlyMap<string, Contract<unknown>> = new Map(
  Object.values(contracts as Record<string, unknown>)
    .filter(isContract)
    .map((contract) => [contract.type, contract]),
);
