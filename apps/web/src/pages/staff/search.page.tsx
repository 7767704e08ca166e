import { ErrorSummary } from '../../views/components/error-summary.js';
import type { FieldMessage } from '../../views/components/form-errors.js';
import { FormTokens } from '../../views/components/hidden-fields.js';
import { TextField } from '../../views/components/text-field.js';
import type { View } from '../../views/view.js';
import { StaffLayout } from './staff-layout.js';
import type { SeekerSearch } from './staff.types.js';

interface SearchProps {
  readonly view: View;
  readonly query?: string;
  readonly reason?: string;
  readonly errors: readonly FieldMessage[];
  readonly result?: SeekerSearch;
}

/** Find a seeker: the reason is asked for first, as every person found is a read the apps log and show to them. */
export function SearchPage({ view, query, reason, errors, result }: SearchProps): JSX.Element {
  const { t } = view;
  return (
    <StaffLayout view={view} title={t('staff.search.title')}>
      <h1 class="ds-heading" data-size="lg" safe>
        {t('staff.search.title')}
      </h1>
      <p class="ds-paragraph" safe>
        {t('staff.search.intro')}
      </p>
      <ErrorSummary view={view} errors={errors} />
      <form method="post" action="/handlaggare/sok" class="stack" novalidate>
        <FormTokens view={view} />
        <TextField id="skal" label={t('staff.field.label.reason')} description={t('staff.field.hint.reason')} value={reason} errors={errors} required />
        <TextField id="sok" label={t('staff.field.label.query')} description={t('staff.field.hint.query')} value={query} errors={errors} required />
        <div>
          <button class="ds-button" data-variant="primary" type="submit" safe>
            {t('staff.search.submit')}
          </button>
        </div>
      </form>
      {result && (
        <section aria-labelledby="hits-heading">
          <h2 class="ds-heading" data-size="md" id="hits-heading" safe>
            {t('staff.search.hits', { count: result.seekers.length })}
          </h2>
          <p class="ds-paragraph" role="status" safe>
            {t(`staff.search.matchedBy.${result.matchedBy}`)}
          </p>
          {result.seekers.length > 0 && (
            <div class="table-scroll">
              <table class="ds-table">
                <thead>
                  <tr>
                    <th scope="col" safe>
                      {t('staff.seeker.name')}
                    </th>
                    <th scope="col" safe>
                      {t('staff.seeker.email')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {result.seekers.map((seeker) => (
                    <tr>
                      <td>
                        <a class="ds-link" href={`/handlaggare/sokande/${seeker.applicantId}`} safe>
                          {seeker.name}
                        </a>
                      </td>
                      <td safe>{seeker.email}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </StaffLayout>
  );
}
