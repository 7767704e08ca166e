import { finished } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** Text-format COPY field: backslash, tab, newline and carriage return escaped; null as \N. */
function copyText(value: string | number | bigint | null): string {
  if (value === null) return '\\N';
  if (typeof value !== 'string') return String(value);
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]) : value;
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** Lines are gathered to about this many characters before a write: one socket write per row costs more than the row. */
const WRITE_CHARS = 256 * 1024;

/**
 * A `COPY <table> (<columns>) FROM STDIN` in text format (pg-copy-streams).
 * `add` returns a promise when the server is behind, for the producer to wait on.
 */
export function copyIn(client: pg.ClientBase, table: string, columns: readonly string[]) {
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  const done = finished(stream);
  let pending = '';
  let drained: Promise<void> | undefined;
  const flush = (): Promise<void> | undefined => {
    const ok = stream.write(pending);
    pending = '';
    if (ok) return undefined;
    drained ??= new Promise<void>((resolve) => stream.once('drain', () => resolve())).finally(() => (drained = undefined));
    return drained;
  };
  return {
    add(row: readonly (string | number | bigint | null)[]): Promise<void> | undefined {
      pending += row.map(copyText).join('\t') + '\n';
      return pending.length >= WRITE_CHARS ? flush() : drained;
    },
    async end(): Promise<void> {
      if (pending) await flush();
      stream.end();
      await done;
    },
  };
}
