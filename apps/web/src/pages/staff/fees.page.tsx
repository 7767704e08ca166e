import { formatDate, formatMoney } from '../../i18n/format.js';
import { messageFor, type Locale } from '../../i18n/locale.js';
import { ErrorSummary } from '../../views/components/error-summary.js';
import type { FieldMessage } from '../../views/components/form-errors.js';
import { messageAt } from '../../views/components/form-errors.js';
import { FormTokens } from '../../views/components/hidden-fields.js';
import { TextField } from '../../views/components/text-field.js';
import type { View } from '../../views/view.js';
import type { PaymentFileReport, PaymentResult } from './fees.types.js';
import { StaffLayout } from './staff-layout.js';

interface FeesPageProps {
  readonly view: View;
  readonly payment?: Readonly<Record<string, string>>;
  readonly errors: readonly FieldMessage[];
  readonly result?: PaymentResult;
  readonly report?: PaymentFileReport;
}

export const reasonText = (locale: Locale, reason: string): string => messageFor(locale, `staff.payReason.${reason}`) ?? reason;

const outcomeText = (locale: Locale, outcome: string, reason?: string | null): string =>
  [messageFor(locale, `staff.outcome.${outcome}`) ?? outcome, reason ? reasonText(locale, reason) : ''].filter(Boolean).join(': ');

/** The annual fee for staff: a payment by hand, a bank file, and what each registered or left as a discrepancy. */
export function FeesPage({ view, payment = {}, errors, result, report }: FeesPageProps): JSX.Element {
  const { t, locale } = view;
  const fileError = messageAt(errors, 'fil');
  return (
    <StaffLayout view={view} title={t('staff.fees.title')}>
      <h1 class="ds-heading" data-size="lg" safe>
        {t('staff.fees.title')}
      </h1>
      <p class="ds-paragraph">
        <a class="ds-link" href="/handlaggare/avgifter/avvikelser" safe>
          {t('staff.fees.discrepanciesLink')}
        </a>
      </p>
      <ErrorSummary view={view} errors={errors} />
      {result && (
        <div class="ds-alert" data-color={result.outcome === 'paid' ? 'success' : 'warning'} role="status">
          <p class="ds-paragraph" safe>
            {t('staff.fees.registered', { amount: formatMoney(result.amount, locale), applied: formatMoney(result.applied, locale), outcome: outcomeText(locale, result.outcome, result.reason) })}
            {result.duplicate ? ` ${t('staff.fees.duplicate')}` : ''}
          </p>
        </div>
      )}
      {report && <Report view={view} report={report} />}
      <form method="post" action="/handlaggare/avgifter/betalning" class="stack" novalidate>
        <h2 class="ds-heading" data-size="md" safe>
          {t('staff.fees.payment')}
        </h2>
        <FormTokens view={view} />
        <TextField id="reference" label={t('fees.ocr')} value={payment.reference} errors={errors} inputmode="numeric" />
        <TextField id="amount" label={t('staff.fees.amount')} description={t('staff.fees.amountHint')} value={payment.amount} errors={errors} inputmode="decimal" />
        <TextField id="paidOn" type="date" label={t('staff.fees.paidOn')} description={t('landlord.field.hint.date')} value={payment.paidOn} errors={errors} />
        <TextField id="bankReference" label={t('staff.fees.bankReference')} description={t('field.hint.optional')} value={payment.bankReference} errors={errors} />
        <div>
          <button class="ds-button" data-variant="primary" type="submit" safe>
            {t('staff.fees.register')}
          </button>
        </div>
      </form>
      <form method="post" action="/handlaggare/avgifter/fil" enctype="multipart/form-data" class="stack" novalidate>
        <h2 class="ds-heading" data-size="md" safe>
          {t('staff.fees.file')}
        </h2>
        <input type="hidden" name="_csrf" value={view.csrfToken} />
        <div class="ds-field">
          <label class="ds-label" for="fil" safe>
            {t('staff.fees.fileLabel')}
          </label>
          <div data-field="description" id="fil-description" safe>
            {t('staff.fees.fileHint')}
          </div>
          <input
            class="ds-input"
            type="file"
            id="fil"
            name="fil"
            accept=".csv,text/csv"
            aria-describedby={fileError ? 'fil-description fil-error' : 'fil-description'}
            aria-invalid={fileError ? 'true' : undefined}
          />
          {fileError && (
            <div class="ds-validation-message" data-field="validation" id="fil-error" safe>
              {fileError}
            </div>
          )}
        </div>
        <div>
          <button class="ds-button" data-variant="secondary" type="submit" safe>
            {t('staff.fees.upload')}
          </button>
        </div>
      </form>
    </StaffLayout>
  );
}

function Report({ view, report }: { view: View; report: PaymentFileReport }): JSX.Element {
  const { t, locale } = view;
  return (
    <section aria-labelledby="report-heading">
      <h2 class="ds-heading" data-size="md" id="report-heading" safe>
        {t('staff.fees.report')}
      </h2>
      {report.alreadyProcessed && (
        <p class="ds-paragraph" role="status" safe>
          {t('staff.fees.alreadyProcessed')}
        </p>
      )}
      <ul class="ds-list">
        {Object.entries(report.summary).map(([outcome, count]) => (
          <li safe>{`${outcomeText(locale, outcome)}: ${count}`}</li>
        ))}
      </ul>
      <div class="table-scroll">
        <table class="ds-table">
          <thead>
            <tr>
              <th scope="col" safe>
                {t('staff.fees.line')}
              </th>
              <th scope="col" safe>
                {t('fees.ocr')}
              </th>
              <th scope="col" safe>
                {t('staff.fees.amount')}
              </th>
              <th scope="col" safe>
                {t('staff.fees.paidOn')}
              </th>
              <th scope="col" safe>
                {t('staff.fees.outcome')}
              </th>
            </tr>
          </thead>
          <tbody>
            {report.lines.map((line) => (
              <tr>
                <td safe>{String(line.line)}</td>
                <td safe>{line.reference ?? '–'}</td>
                <td safe>{line.amount === undefined ? '–' : formatMoney(line.amount, locale)}</td>
                <td safe>{line.paidOn ? formatDate(line.paidOn, locale) : '–'}</td>
                <td safe>{[outcomeText(locale, line.outcome, line.reason), ...(line.messages ?? [])].join(' – ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
