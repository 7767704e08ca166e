import { randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { KeptMail } from './dev-mailbox.js';

/** Recipients in this domain are refused for good (550), so a newcomer can watch a permanent failure be recorded. */
export const REFUSED_DOMAIN = 'refused.invalid';

export interface DevSmtpServer {
  readonly port: number;
  close(): Promise<void>;
}

const addresses = (field: AddressObject | AddressObject[] | undefined) => (Array.isArray(field) ? field : field ? [field] : []).flatMap((a) => a.value.map((v) => v.address ?? ''));

/**
 * A real SMTP listener for single node and tests (like Mailpit): accepts every
 * mail without authentication and keeps it as one JSON file in `dir`, written
 * under a temporary name and renamed, so a reader never sees half a mail.
 */
export async function startDevSmtpServer(options: { readonly port: number; readonly host?: string; readonly dir: string }): Promise<DevSmtpServer> {
  await mkdir(options.dir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.toLowerCase().endsWith(`@${REFUSED_DOMAIN}`)) {
        callback(Object.assign(new Error(`${address.address}: no such mailbox`), { responseCode: 550 }));
        return;
      }
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then(async (parsed) => {
          const id = randomUUID();
          const mail: KeptMail = {
            id,
            receivedAt: new Date().toISOString(),
            messageId: parsed.messageId ?? null,
            from: addresses(parsed.from).join(', '),
            to: addresses(parsed.to),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : null,
          };
          const file = join(options.dir, `${mail.receivedAt.replaceAll(':', '-')}-${id}.json`);
          await writeFile(`${file}.tmp`, JSON.stringify(mail));
          await rename(`${file}.tmp`, file);
        })
        .then(
          () => callback(),
          (error: Error) => callback(error),
        );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  return {
    port: typeof address === 'object' && address ? address.port : options.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
