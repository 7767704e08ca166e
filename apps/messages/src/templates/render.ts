import type { Language } from '../inbox/person-messages.events.js';
import { CATALOGUE, type Wording } from './catalogue.js';
import type { FactsOf, MessageContent } from './message-facts.js';

export interface Rendered {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

const SIGNATURE: Record<Language, string> = { sv: 'Bostadskön', en: 'The housing queue' };

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function wording(content: MessageContent, language: Language): Wording {
  const template = CATALOGUE[language][content.kind] as (facts: FactsOf[typeof content.kind]) => Wording;
  return template(content.facts);
}

/** Plain text, and HTML that is only a language, a title and paragraphs: readable by any screen reader or mail client. */
export function render(content: MessageContent, language: Language): Rendered {
  const { subject, paragraphs } = wording(content, language);
  const text = [...paragraphs, '', SIGNATURE[language]].join('\n\n');
  const html = `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${escape(subject)}</title></head><body>${[...paragraphs, SIGNATURE[language]]
    .map((p) => `<p>${escape(p)}</p>`)
    .join('')}</body></html>`;
  return { subject, text, html };
}
