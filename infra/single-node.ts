/** The single-node layout: one PostgreSQL server, a database per app plus one for the bus. */
export const APPS = [
  { name: 'applicants', port: 3001 },
  { name: 'listings', port: 3002 },
  { name: 'landlords', port: 3003 },
  { name: 'statistics', port: 3004 },
  { name: 'messages', port: 3005 },
] as const;

/** The website: no database of its own, it calls the apps above. */
export const WEB = { name: 'web', port: Number(process.env.WEB_PORT ?? 3000) } as const;

export type AppName = (typeof APPS)[number]['name'];

export const BUS_DATABASE = 'bus';
export const DATA_DIR = process.env.DATA_DIR ?? './data/pg';
export const EMBEDDED_PORT = Number(process.env.PG_PORT ?? 5433);

/** The local SMTP listener single node sends mail to, and the folder where it keeps each mail (the development mailbox). */
export const DEV_SMTP_PORT = Number(process.env.SMTP_PORT ?? 2525);
export const DEV_MAIL_DIR = process.env.MAIL_DIR ?? './data/mail';

/** The server URL with another database name: each app owns its own database. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** KAFKA_BROKERS as the apps read it (`host:port,host:port`), for the command-line tools; undefined when unset or empty. */
export function kafkaBrokers(variable: string | undefined): string[] | undefined {
  const brokers = (variable ?? '')
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
  return brokers.length > 0 ? brokers : undefined;
}
