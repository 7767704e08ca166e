import { env, loadConfig, type ConfigOf } from '@bostadsko/platform';

const variables = {
  /** Where mail goes: `smtp://host:port` (or `smtps://`, credentials in the URL). `npm start` points it at its local listener. */
  SMTP_URL: env.url({ protocols: ['smtp', 'smtps'] }),
  MAIL_FROM: env.string().default('Bostadskön <noreply@bostadsko.se>'),
  /** How often the outbox is looked at for mail due; 0 turns delivery off (mail waits, nothing is lost). */
  DELIVERY_INTERVAL_MS: env.int({ min: 0, max: 3_600_000 }).default(1000),
  /** The folder where the development SMTP server keeps mail; `GET /dev/mailbox` reads it, never in production. */
  DEV_MAILBOX_DIR: env.string().optional(),
  NODE_ENV: env.string().optional(),
};

export type MessagesConfig = ConfigOf<typeof variables>;
export const loadMessagesConfig = (): MessagesConfig => loadConfig(variables);
