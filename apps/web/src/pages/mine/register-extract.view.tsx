import { formatDateTime } from '../../i18n/format.js';
import { messageFor, type Locale } from '../../i18n/locale.js';
import type { View } from '../../views/view.js';
import type { RegisterExtract, RegisterExtractSection } from './register-extract.js';

/** A stored value in words: nested objects and lists flattened to "name: value" pairs, as a person reads them. */
function inWords(value: unknown, locale: Locale): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'boolean') return messageFor(locale, value ? 'extract.yes' : 'extract.no') ?? String(value);
  if (Array.isArray(value)) return value.map((item) => inWords(item, locale)).join('; ');
  if (typeof value === 'object')
    return Object.entries(value)
      .map(([name, item]) => `${messageFor(locale, `personal.${name}`) ?? name}: ${inWords(item, locale)}`)
      .join(', ');
  return String(value);
}

const when = (at: string | null, locale: Locale) => (at ? formatDateTime(at, locale) : '–');

function Section({ view, section }: { readonly view: View; readonly section: RegisterExtractSection }): JSX.Element {
  const { t, locale } = view;
  const id = `extract-${section.app}`;
  return (
    <section class="extract-section" aria-labelledby={id}>
      <h3 class="ds-heading" data-size="sm" id={id} safe>
        {messageFor(locale, `extract.app.${section.app}`) ?? section.app}
      </h3>
      <p class="ds-paragraph" safe>
        {messageFor(locale, `extract.purpose.${section.app}`) ?? section.purpose}
      </p>
      {section.personalData ? (
        <dl class="facts">
          {Object.entries(section.personalData).map(([name, value]) => (
            <>
              <dt safe>{messageFor(locale, `personal.${name}`) ?? name}</dt>
              <dd safe>{inWords(value, locale)}</dd>
            </>
          ))}
        </dl>
      ) : (
        <p class="ds-paragraph" safe>
          {t('extract.noPersonalData')}
        </p>
      )}
      <div class="table-scroll">
        <table class="ds-table" data-size="sm">
          <caption safe>{t('data.records', { count: section.records.length })}</caption>
          <thead>
            <tr>
              <th scope="col" safe>
                {t('queue.when')}
              </th>
              <th scope="col" safe>
                {t('queue.what')}
              </th>
              <th scope="col" safe>
                {t('extract.details')}
              </th>
            </tr>
          </thead>
          <tbody>
            {section.records.map((record) => (
              <tr>
                <td safe>{when(record.at, locale)}</td>
                <td safe>{messageFor(locale, `event.${record.type}`) ?? record.type}</td>
                <td class="extract-details" safe>
                  {inWords(record.data, locale)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="table-scroll">
        <table class="ds-table" data-size="sm">
          <caption safe>{t('extract.accessLog', { count: section.accessLog.length })}</caption>
          <thead>
            <tr>
              <th scope="col" safe>
                {t('queue.when')}
              </th>
              <th scope="col" safe>
                {t('extract.who')}
              </th>
              <th scope="col" safe>
                {t('extract.read')}
              </th>
              <th scope="col" safe>
                {t('extract.why')}
              </th>
            </tr>
          </thead>
          <tbody>
            {section.accessLog.map((read) => (
              <tr>
                <td safe>{when(read.readAt, locale)}</td>
                <td safe>{readerText(read.actor, read.roles, locale)}</td>
                <td safe>{read.action}</td>
                <td safe>{read.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The register extract from every app, readable on screen and in print. */
export function RegisterExtractView({ view, extract }: { readonly view: View; readonly extract: RegisterExtract }): JSX.Element {
  const { t, locale } = view;
  return (
    <div class="extract stack-wide">
      <h2 class="ds-heading" data-size="md" safe>
        {t('data.extract')}
      </h2>
      <p class="ds-paragraph" safe>
        {t('data.extractIntro', { at: formatDateTime(extract.generatedAt, locale) })}
      </p>
      <p class="ds-paragraph" safe>
        {t('extract.controller')}
      </p>
      <p class="ds-paragraph no-print">
        <a class="ds-link" href="/mina-sidor/uppgifter/registerutdrag.json" download="registerutdrag.json" safe>
          {t('data.download')}
        </a>
      </p>
      <p class="ds-paragraph no-print" safe>
        {t('extract.printHint')}
      </p>
      {extract.unavailable.length > 0 && (
        <div class="ds-alert" data-color="warning" role="status">
          <p class="ds-paragraph" safe>
            {t('extract.unavailable', { apps: extract.unavailable.map((app) => messageFor(locale, `extract.app.${app}`) ?? app).join(', ') })}
          </p>
        </div>
      )}
      {extract.sections.map((section) => (
        <Section view={view} section={section} />
      ))}
    </div>
  );
}

/**
 * Who looked, for the person: the role in words and a reference to quote to the agency, not the employee's
 * name (the staff member's own personal data; the back office, whose log this is, shows it).
 */
function readerText(actor: string, roles: readonly string[], locale: Locale): string {
  const role = roles.map((r) => messageFor(locale, `staff.role.${r}`) ?? r).join(', ');
  return `${role.charAt(0).toUpperCase()}${role.slice(1)} (${messageFor(locale, 'extract.readerRef')} ${actor.slice(0, 8)})`;
}
