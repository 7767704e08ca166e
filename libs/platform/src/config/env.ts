/** Thrown at start when the environment does not fit the schema; lists every offending variable at once. */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';

  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
  }
}

/** Thrown by a parser with the rest of the sentence after the variable's name, e.g. `must be an integer`. */
export class InvalidValue extends Error {}

export type Parse<T> = (raw: string) => T;

/**
 * One environment variable: how to parse it and what to do when it is unset.
 * An empty value counts as unset, as `VAR=` in a compose file means "not given".
 */
export class EnvVariable<T> {
  private constructor(
    private readonly parse: Parse<T>,
    private readonly whenUnset: () => T,
  ) {}

  static required<T>(parse: Parse<T>): EnvVariable<T> {
    return new EnvVariable(parse, () => {
      throw new InvalidValue('is required');
    });
  }

  optional(): EnvVariable<T | undefined> {
    return new EnvVariable<T | undefined>(this.parse, () => undefined);
  }

  default(value: T): EnvVariable<T> {
    return new EnvVariable(this.parse, () => value);
  }

  read(raw: string | undefined): T {
    return raw === undefined || raw.trim() === '' ? this.whenUnset() : this.parse(raw.trim());
  }
}

export type EnvSchema = Readonly<Record<string, EnvVariable<unknown>>>;

export type ConfigOf<S extends EnvSchema> = { readonly [K in keyof S]: S[K] extends EnvVariable<infer T> ? T : never };

/**
 * Reads and validates every variable of the schema. Apps extend the platform's
 * schema with their own: `loadConfig({ ...platformVariables, PAGE_SIZE: env.int({ min: 1, max: 500 }).default(50) })`.
 */
export function loadConfig<S extends EnvSchema>(schema: S, source: Readonly<Record<string, string | undefined>> = process.env): ConfigOf<S> {
  const config: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, variable] of Object.entries(schema)) {
    try {
      config[name] = variable.read(source[name]);
    } catch (error) {
      if (!(error instanceof InvalidValue)) throw error;
      problems.push(`${name} ${error.message}`);
    }
  }
  if (problems.length > 0) throw new ConfigurationError(problems);
  return Object.freeze(config) as ConfigOf<S>;
}

// Values are quoted back only where they cannot be secrets: URLs carry passwords, strings may be keys.
export const env = {
  string(rules: { minLength?: number } = {}): EnvVariable<string> {
    return EnvVariable.required((raw) => {
      if (rules.minLength !== undefined && raw.length < rules.minLength) {
        throw new InvalidValue(`must be at least ${rules.minLength} characters long (got ${raw.length})`);
      }
      return raw;
    });
  },

  int(range: { min: number; max: number }): EnvVariable<number> {
    return EnvVariable.required((raw) => {
      const value = Number(raw);
      if (!/^-?\d+$/.test(raw) || value < range.min || value > range.max) {
        throw new InvalidValue(`must be an integer between ${range.min} and ${range.max} (got "${raw}")`);
      }
      return value;
    });
  },

  oneOf<const V extends string>(values: readonly V[]): EnvVariable<V> {
    return EnvVariable.required((raw) => {
      if (!(values as readonly string[]).includes(raw)) {
        throw new InvalidValue(`must be one of ${values.join(', ')} (got "${raw}")`);
      }
      return raw as V;
    });
  },

  /** `protocols` without the colon, e.g. `['postgres', 'postgresql']`. */
  url(rules: { protocols?: readonly string[] } = {}): EnvVariable<string> {
    return EnvVariable.required((raw) => {
      const protocol = URL.canParse(raw) ? new URL(raw).protocol.slice(0, -1) : undefined;
      if (protocol === undefined) throw new InvalidValue('must be a URL');
      if (rules.protocols && !rules.protocols.includes(protocol)) {
        throw new InvalidValue(`must be a ${rules.protocols.map((p) => `${p}://`).join(' or ')} URL`);
      }
      return raw;
    });
  },

  /** A comma-separated list; `item` parses each entry and its message is reported with the entry's position. */
  list<T = string>(item: Parse<T> = (raw) => raw as T): EnvVariable<T[]> {
    return EnvVariable.required((raw) =>
      raw
        .split(',')
        .map((entry) => entry.trim())
        .filter((entry) => entry !== '')
        .map((entry, index) => {
          try {
            return item(entry);
          } catch (error) {
            if (!(error instanceof InvalidValue)) throw error;
            throw new InvalidValue(`entry ${index + 1} ${error.message}`);
          }
        }),
    );
  },

  custom<T>(parse: Parse<T>): EnvVariable<T> {
    return EnvVariable.required(parse);
  },
};
