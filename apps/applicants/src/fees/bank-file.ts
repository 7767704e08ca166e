import { isIsoDate, type IsoDate } from '@bostadsko/calendar';
import type { Ore } from './money.js';

/** The format is documented in BANK-FILE.md; keep the two in step. */
const BANK_FILE_HEADER = ['paidOn', 'reference', 'amount', 'bankReference'] as const;
const BANK_FILE_SEPARATOR = ';';
export const BANK_FILE_MAX_LINES = 5000;

export interface BankFilePayment {
  readonly paidOn: IsoDate;
  readonly reference: string;
  readonly amountOre: Ore;
  readonly bankReference: string;
}

export type BankFileLine = { readonly line: number; readonly payment: BankFilePayment } | { readonly line: number; readonly text: string; readonly messages: readonly string[] };

export type ParsedBankFile = { readonly ok: true; readonly lines: readonly BankFileLine[] } | { readonly ok: false; readonly problem: string };

const AMOUNT = /^(\d{1,7})(?:,(\d{1,2}))?$/;
const REFERENCE = /^\d{1,25}$/;
const BANK_REFERENCE = /^[A-Za-z0-9._:/-]{1,64}$/;

/** UTF-8 only: a file in another encoding is refused whole rather than read with mangled references. */
export function decodeBankFile(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Reads a bank payment file. A file that is not this format at all (header,
 * size) is refused whole; otherwise each line stands alone, and a line that
 * cannot be read is reported with why, while the others are registered.
 * Line numbers count every physical line, header included, as an editor shows them.
 */
export function parseBankFile(text: string, today: IsoDate): ParsedBankFile {
  const physical = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const numbered = physical.map((content, index) => ({ line: index + 1, content })).filter((l) => l.content.trim() !== '');
  const [header, ...rows] = numbered;
  const expected = BANK_FILE_HEADER.join(BANK_FILE_SEPARATOR);
  if (
    !header ||
    header.content
      .split(BANK_FILE_SEPARATOR)
      .map((c) => c.trim().toLowerCase())
      .join(BANK_FILE_SEPARATOR) !== expected.toLowerCase()
  ) {
    return { ok: false, problem: `The first line must be the header "${expected}"` };
  }
  if (rows.length === 0) return { ok: false, problem: 'The file holds no payments' };
  if (rows.length > BANK_FILE_MAX_LINES) return { ok: false, problem: `A file holds at most ${BANK_FILE_MAX_LINES} payments; split it` };
  return { ok: true, lines: rows.map(({ line, content }) => parseLine(line, content, today)) };
}

function parseLine(line: number, text: string, today: IsoDate): BankFileLine {
  const cells = text.split(BANK_FILE_SEPARATOR).map((c) => c.trim());
  if (cells.length !== BANK_FILE_HEADER.length) {
    return { line, text, messages: [`expected ${BANK_FILE_HEADER.length} fields separated by "${BANK_FILE_SEPARATOR}", found ${cells.length}`] };
  }
  const [paidOn, reference, amount, bankReference] = cells;
  const messages: string[] = [];
  if (!isIsoDate(paidOn)) messages.push('paidOn must be a date YYYY-MM-DD');
  else if (paidOn > today) messages.push('paidOn cannot be in the future');
  if (!REFERENCE.test(reference)) messages.push('reference must be 1 to 25 digits');
  const amountOre = parseAmount(amount);
  if (amountOre === undefined) messages.push('amount must be a positive number of kronor with a decimal comma, e.g. 200,00');
  if (!BANK_REFERENCE.test(bankReference)) messages.push('bankReference must be 1 to 64 letters, digits or . _ : / -');
  if (messages.length > 0 || amountOre === undefined) return { line, text, messages };
  return { line, payment: { paidOn, reference, amountOre, bankReference } };
}

/** "200", "200,5", "200,50" → öre; negative, zero and decimal points are refused. */
function parseAmount(value: string): Ore | undefined {
  const match = AMOUNT.exec(value);
  if (!match) return undefined;
  const ore = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return ore > 0 ? ore : undefined;
}
