import { formatDate } from '../../i18n/format.js';
import type { MessageKey } from '../../i18n/sv.js';
import { ErrorSummary } from '../../views/components/error-summary.js';
import type { FieldMessage } from '../../views/components/form-errors.js';
import { FormTokens } from '../../views/components/hidden-fields.js';
import { TextField } from '../../views/components/text-field.js';
import { Layout } from '../../views/layout.js';
import type { View } from '../../views/view.js';
import { describeSearch } from './saved-search-text.js';
import { ALERT_MODES, type SavedSearch } from './saved-search.types.js';

interface Props {
  readonly view: View;
  readonly searches: readonly SavedSearch[];
  readonly digestTime: string;
  readonly errors: readonly FieldMessage[];
}

/** Mina sidor → Bevakningar: each saved search in words, its alerts (a small form each), delete, and the daily digest time. */
export function SavedSearchesPage({ view, searches, digestTime, errors }: Props): JSX.Element {
  const { t, locale } = view;
  return (
    <Layout view={view} title={t('savedSearches.title')}>
      <h1 class="ds-heading" data-size="lg" safe>
        {t('savedSearches.title')}
      </h1>
      <ErrorSummary view={view} errors={errors} />
      <p class="ds-paragraph" safe>
        {t('savedSearches.intro')}
      </p>
      {searches.length === 0 ? (
        <p class="ds-paragraph" safe>
          {t('savedSearches.none')}
        </p>
      ) : (
        <div class="table-scroll">
          <table class="ds-table">
            <thead>
              <tr>
                <th scope="col" safe>
                  {t('savedSearches.search')}
                </th>
                <th scope="col" safe>
                  {t('savedSearches.saved')}
                </th>
                <th scope="col" safe>
                  {t('savedSearches.alerts')}
                </th>
                <th scope="col" safe>
                  {t('savedSearches.actions')}
                </th>
              </tr>
            </thead>
            <tbody>
              {searches.map((search, i) => (
                <tr>
                  <td safe>{describeSearch(view, search)}</td>
                  <td safe>{formatDate(search.savedAt.slice(0, 10), locale)}</td>
                  <td>
                    <form method="post" action={`/mina-sidor/bevakningar/${encodeURIComponent(search.searchId)}/besked`} class="actions">
                      <FormTokens view={view} />
                      <select class="ds-input" name="alerts" aria-label={t('savedSearches.alertsLabel', { n: i + 1 })}>
                        {ALERT_MODES.map((mode) => (
                          <option value={mode} selected={search.alerts === mode} safe>
                            {t(`savedSearches.alerts.${mode}` as MessageKey)}
                          </option>
                        ))}
                      </select>
                      <button class="ds-button" data-variant="secondary" type="submit" safe>
                        {t('savedSearches.change')}
                      </button>
                    </form>
                  </td>
                  <td>
                    <form method="post" action={`/mina-sidor/bevakningar/${encodeURIComponent(search.searchId)}/ta-bort`}>
                      <FormTokens view={view} />
                      <button class="ds-button" data-variant="tertiary" type="submit" aria-label={t('savedSearches.deleteLabel', { n: i + 1 })} safe>
                        {t('savedSearches.delete')}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p class="ds-paragraph">
        <a class="ds-link" href="/bostader" safe>
          {t('savedSearches.toSearch')}
        </a>
      </p>
      <h2 class="ds-heading" data-size="md" safe>
        {t('savedSearches.digestHeading')}
      </h2>
      <form method="post" action="/mina-sidor/bevakningar/tid" class="stack">
        <FormTokens view={view} />
        <TextField id="digestTime" label={t('savedSearches.digestTime')} description={t('savedSearches.digestText')} value={digestTime} errors={errors} inputmode="numeric" />
        <button class="ds-button" data-variant="secondary" type="submit" safe>
          {t('savedSearches.digestSave')}
        </button>
      </form>
    </Layout>
  );
}

/** On the search page: save the search as shown (its filters as hidden fields), or sign in first. */
export function SaveSearchForm({ view, filters }: { view: View; filters: Readonly<Record<string, string>> }): JSX.Element {
  const { t } = view;
  if (!view.seeker) {
    return (
      <p class="ds-paragraph">
        <a class="ds-link" href={`/logga-in?nasta=${encodeURIComponent(view.path)}`} safe>
          {t('savedSearches.signInToSave')}
        </a>
      </p>
    );
  }
  return (
    <form method="post" action="/mina-sidor/bevakningar" class="ds-card stack" aria-labelledby="save-search-heading">
      <h2 class="ds-heading" data-size="sm" id="save-search-heading" safe>
        {t('savedSearches.saveHeading')}
      </h2>
      <p class="ds-paragraph" safe>
        {t('savedSearches.saveText')}
      </p>
      <FormTokens view={view} />
      {Object.entries(filters).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <div class="ds-field">
        <label class="ds-label" for="alerts" safe>
          {t('savedSearches.alerts')}
        </label>
        <select class="ds-input" id="alerts" name="alerts">
          {ALERT_MODES.map((mode) => (
            <option value={mode} safe>
              {t(`savedSearches.alerts.${mode}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      <div class="actions">
        <button class="ds-button" data-variant="secondary" type="submit" safe>
          {t('savedSearches.save')}
        </button>
      </div>
    </form>
  );
}
