import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** One mail as the development SMTP server kept it. */
export interface KeptMail {
  readonly id: string;
  readonly receivedAt: string;
  readonly messageId: string | null;
  readonly from: string;
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly html: string | null;
}

/** The kept mails, newest first; an absent folder is an empty mailbox. */
export async function readDevMailbox(dir: string): Promise<KeptMail[]> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const files = names
    .filter((n) => n.endsWith('.json'))
    .sort()
    .reverse();
  return Promise.all(files.map(async (name) => JSON.parse(await readFile(join(dir, name), 'utf8')) as KeptMail));
}
