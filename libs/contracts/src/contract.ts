import { isIsoDate } from '@bostadsko/calendar';

/**
 * An integration event contract: a versioned topic name and a guard for its
 * payload. Consumers check what arrives, so a malformed message becomes a dead
 * letter with a clear error instead of a corrupt read model.
 */
export interface Contract<P> {
  readonly type: string;
  readonly version: number;
  parse(payload: unknown): P;
}

export class ContractViolation extends Error {
  override readonly name = 'ContractViolation';
}

type FieldCheck = (value: unknown) => boolean;

export const is = {
  uuid: (v: unknown) => typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v),
  // Strict calendar dates: Date.parse rolls 2026-02-30 over to 2 March, and SQL would refuse it only in the consumer.
  isoDate: isIsoDate,
  isoInstant: (v: unknown) => typeof v === 'string' && isIsoDate(v.slice(0, 10)) && /^.{10}[T ]/.test(v) && !Number.isNaN(Date.parse(v)),
  oneOf:
    (...values: string[]) =>
    (v: unknown) =>
      typeof v === 'string' && values.includes(v),
  text: (v: unknown) => typeof v === 'string' && v.length > 0,
  count: (v: unknown) => Number.isInteger(v) && (v as number) >= 0,
  amount: (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0,
  boolean: (v: unknown) => typeof v === 'boolean',
  orNull: (check: FieldCheck) => (v: unknown) => v === null || check(v),
} satisfies Record<string, FieldCheck | ((...a: never[]) => FieldCheck)>;

export function defineContract<P>(type: string, version: number, fields: { [K in keyof P]: FieldCheck }): Contract<P> {
  return {
    type,
    version,
    parse(payload: unknown): P {
      if (typeof payload !== 'object' || payload === null) throw new ContractViolation(`${type}: payload is not an object`);
      const record = payload as Record<string, unknown>;
      const wrong = Object.entries<FieldCheck>(fields as Record<string, FieldCheck>)
        .filter(([name, check]) => !check(record[name]))
        .map(([name]) => name);
      if (wrong.length > 0) throw new ContractViolation(`${type}: invalid or missing ${wrong.join(', ')}`);
      return payload as P;
    },
  };
}
