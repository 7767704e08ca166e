import { formatDateTime } from '../../i18n/format.js';
import { ErrorSummary } from '../../views/components/error-summary.js';
import { messageAt, type FieldMessage } from '../../views/components/form-errors.js';
import { FormTokens } from '../../views/components/hidden-fields.js';
import { TextField } from '../../views/components/text-field.js';
import type { View } from '../../views/view.js';
import { CASE_CATEGORIES, type CaseForm, type CaseRow } from './cases.types.js';
import { LandlordLayout } from './landlord-layout.js';
import { TextAreaField } from '../../views/components/text-area-field.js';

/** The organisation's cases with the agency, newest first, and the form to register a new one. */
export function CasesPage({ view, cases, form, errors }: { view: View; cases: readonly CaseRow[]; form: CaseForm; errors: readonly FieldMessage[] }): JSX.Element {
  const { t, locale } = view;
  const categoryError = messageAt(errors, 'category');
  return (
    <LandlordLayout view={view} title={t('landlord.cases.title')}>
      <h1 class="ds-heading" data-size="lg" safe>
        {t('landlord.cases.title')}
      </h1>
      <p class="ds-paragraph" data-variant="long" safe>
        {t('landlord.cases.intro')}
      </p>
      {cases.length === 0 ? (
        <p class="ds-paragraph" safe>
          {t('landlord.cases.none')}
        </p>
      ) : (
        <div class="table-scroll">
          <table class="ds-table">
            <caption safe>{t('landlord.cases.caption', { count: cases.length })}</caption>
            <thead>
              <tr>
                <th scope="col" safe>
                  {t('landlord.cases.subject')}
                </th>
                <th scope="col" safe>
                  {t('landlord.cases.category')}
                </th>
                <th scope="col" safe>
                  {t('landlord.cases.status')}
                </th>
                <th scope="col" safe>
                  {t('landlord.cases.updated')}
                </th>
              </tr>
            </thead>
            <tbody>
              {cases.map((row) => (
                <tr>
                  <td>
                    <a class="ds-link" href={`/hyresvard/arenden/${row.caseId}`} safe>
                      {row.subject}
                    </a>
                  </td>
                  <td safe>{t(`landlord.cases.category.${row.category}`)}</td>
                  <td safe>{t(`landlord.cases.status.${row.status}`)}</td>
                  <td safe>{formatDateTime(row.updatedAt, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section aria-labelledby="new-case-heading" class="stack-wide">
        <h2 class="ds-heading" data-size="md" id="new-case-heading" safe>
          {t('landlord.cases.new')}
        </h2>
        <ErrorSummary view={view} errors={errors} />
        <form method="post" action="/hyresvard/arenden" class="stack" novalidate>
          <FormTokens view={view} />
          <div class="ds-field">
            <label class="ds-label" for="category" safe>
              {t('landlord.cases.category')}
            </label>
            <select class="ds-input" id="category" name="category" aria-invalid={categoryError ? 'true' : undefined} aria-describedby={categoryError ? 'category-error' : undefined}>
              {CASE_CATEGORIES.map((category) => (
                <option value={category} selected={(form.category ?? 'question') === category} safe>
                  {t(`landlord.cases.category.${category}`)}
                </option>
              ))}
            </select>
            {categoryError && (
              <div class="ds-validation-message" data-field="validation" id="category-error" safe>
                {categoryError}
              </div>
            )}
          </div>
          <TextField id="subject" label={t('landlord.cases.subject')} description={t('landlord.cases.subjectHint')} value={form.subject} errors={errors} required />
          <TextAreaField id="description" label={t('landlord.cases.description')} description={t('landlord.cases.descriptionHint')} value={form.description} errors={errors} required rows="6" />
          <div>
            <button class="ds-button" data-variant="primary" type="submit" safe>
              {t('landlord.cases.register')}
            </button>
          </div>
        </form>
      </section>
    </LandlordLayout>
  );
}
