import type { ChildProcess, StdioOptions } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { appLogFormatter, type ConsoleSettings } from './app-log-format.js';

/**
 * Where `npm start` shows its apps' output. The apps always write pino's JSON lines (what a
 * log collector wants, and what an app run alone prints); only here, in the supervisor and off
 * the apps' event loops, are they made readable, so no app needs a transport or a setting of its own.
 */
export function appConsole(settings: ConsoleSettings, to: { readonly out: Writable; readonly err: Writable } = { out: process.stdout, err: process.stderr }) {
  const pretty = settings.format === 'pretty';
  return {
    stdio: (pretty ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit']) satisfies StdioOptions,
    /** Follows one process of the app (a restarted app is a new process, followed again). */
    show(app: string, child: ChildProcess): ChildProcess {
      if (!pretty) return child;
      const format = appLogFormatter(app, settings);
      const follow = (from: Readable | null, to: Writable) => from && createInterface({ input: from, crlfDelay: Infinity }).on('line', (line) => to.write(format(line)));
      follow(child.stdout, to.out);
      follow(child.stderr, to.err);
      return child;
    },
  };
}
