import { readdirSync, readFileSync } from 'node:fs';

/** Linux's clock ticks per second for /proc times; 100 on every kernel config we run on. */
const TICKS_PER_SECOND = 100;

function cpuTicks(pid: number): { comm: string; ticks: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may itself contain spaces.
    const close = stat.lastIndexOf(')');
    const fields = stat.slice(close + 2).split(' ');
    return { comm: stat.slice(stat.indexOf('(') + 1, close), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return undefined;
  }
}

/** CPU seconds used so far by this process, a child process, and every PostgreSQL process. */
export function cpuSeconds(childPid: number | undefined): { client: number; app: number; database: number } {
  let database = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const proc = cpuTicks(Number(entry));
    if (proc?.comm === 'postgres') database += proc.ticks;
  }
  const usage = process.cpuUsage();
  return {
    client: (usage.user + usage.system) / 1e6,
    app: childPid === undefined ? 0 : (cpuTicks(childPid)?.ticks ?? 0) / TICKS_PER_SECOND,
    database: database / TICKS_PER_SECOND,
  };
}

/** CPU milliseconds per request in each process between two readings. */
export function cpuMsPer(before: ReturnType<typeof cpuSeconds>, after: ReturnType<typeof cpuSeconds>, requests: number) {
  const per = (a: number, b: number) => Math.round(((b - a) * 1000 * 1000) / requests) / 1000;
  return { client: per(before.client, after.client), app: per(before.app, after.app), database: per(before.database, after.database) };
}
