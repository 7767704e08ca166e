import { formatDate, formatMoney, formatNumber } from '../../i18n/format.js';
import type { MessageKey } from '../../i18n/sv.js';
import { ErrorSummary } from '../../views/components/error-summary.js';
import type { FieldMessage } from '../../views/components/form-errors.js';
import { TextField } from '../../views/components/text-field.js';
import { Layout } from '../../views/layout.js';
import type { View } from '../../views/view.js';
import { LISTING_TYPES, type Listing, type SearchResult } from './listing.js';
import { requirementTexts } from './listing-facts.js';
import { SaveSearchForm } from '../saved-searches/saved-searches.page.js';
import { searchHref, SORTS, type SearchQuery } from './search-query.js';

// Behind "more filters": a phone shows the few most people use, and a search that used more opens them.
const MORE = ['roomsMin', 'roomsMax', 'rentMin', 'rentMax', 'areaMin', 'areaMax', 'moveInFrom', 'moveInTo'] as const;

interface SearchProps {
  readonly view: View;
  readonly query: SearchQuery;
  readonly result?: SearchResult;
  readonly errors: readonly FieldMessage[];
}

export function SearchPage({ view, query, result, errors }: SearchProps): JSX.Element {
  const { t } = view;
  return (
    <Layout view={view} title={t('search.title')}>
      <h1 class="ds-heading" data-size="lg" safe>
        {t('search.title')}
      </h1>
      <ErrorSummary view={view} errors={errors} />
      <form method="get" action="/bostader" role="search" aria-label={t('search.formLabel')}>
        <div class="filters">
          <TextField id="municipality" label={t('search.municipality')} value={query.municipality} errors={errors} />
          <TextField id="district" label={t('search.district')} value={query.district} errors={errors} />
          <div class="ds-field">
            <label class="ds-label" for="type" safe>
              {t('search.type')}
            </label>
            <select class="ds-input" id="type" name="type">
              <option value="" safe>
                {t('search.anyType')}
              </option>
              {LISTING_TYPES.map((type) => (
                <option value={type} selected={query.type === type} safe>
                  {t(`listingType.${type}` as MessageKey)}
                </option>
              ))}
            </select>
          </div>
          <div class="ds-field">
            <label class="ds-label" for="sort" safe>
              {t('search.sort')}
            </label>
            <select class="ds-input" id="sort" name="sort">
              {SORTS.map((sort) => (
                <option value={sort} selected={(query.sort ?? '-published') === sort} safe>
                  {t(`search.sort.${sort}` as MessageKey)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <details class="ds-details" open={MORE.some((name) => query[name] !== undefined) || errors.length > 0}>
          <summary safe>{t('search.more')}</summary>
          <div class="filters">
            <TextField id="roomsMin" label={t('search.roomsMin')} value={query.roomsMin} errors={errors} inputmode="decimal" />
            <TextField id="roomsMax" label={t('search.roomsMax')} value={query.roomsMax} errors={errors} inputmode="decimal" />
            <TextField id="rentMin" label={t('search.rentMin')} value={query.rentMin} errors={errors} inputmode="numeric" />
            <TextField id="rentMax" label={t('search.rentMax')} value={query.rentMax} errors={errors} inputmode="numeric" />
            <TextField id="areaMin" label={t('search.areaMin')} value={query.areaMin} errors={errors} inputmode="numeric" />
            <TextField id="areaMax" label={t('search.areaMax')} value={query.areaMax} errors={errors} inputmode="numeric" />
            <TextField id="moveInFrom" type="date" label={t('search.moveInFrom')} value={query.moveInFrom} errors={errors} />
            <TextField id="moveInTo" type="date" label={t('search.moveInTo')} value={query.moveInTo} errors={errors} />
          </div>
        </details>
        <div class="actions">
          <button class="ds-button" data-variant="primary" type="submit" safe>
            {t('search.submit')}
          </button>
          <a class="ds-link" href="/bostader" safe>
            {t('search.clear')}
          </a>
        </div>
      </form>
      {result && <SaveSearchForm view={view} filters={Object.fromEntries(Object.entries(query).filter(([name]) => name !== 'sort' && name !== 'page'))} />}
      {result && <Results view={view} query={query} result={result} />}
    </Layout>
  );
}

function Results({ view, query, result }: { view: View; query: SearchQuery; result: SearchResult }): JSX.Element {
  const { t } = view;
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  return (
    <section aria-labelledby="results-heading" class="stack-wide">
      <h2 class="ds-heading" data-size="md" id="results-heading" aria-live="polite" safe>
        {t('search.count', { count: result.total })}
      </h2>
      <ul class="listing-list">
        {result.items.map((listing) => (
          <li>
            <ListingCard view={view} listing={listing} />
          </li>
        ))}
      </ul>
      {pages > 1 && (
        <nav aria-label={t('search.pagination')} class="actions">
          {result.page > 1 && (
            <a class="ds-link" href={searchHref(query, { page: String(result.page - 1) })} rel="prev" safe>
              {t('search.previous')}
            </a>
          )}
          <span safe>{t('search.pageOf', { page: result.page, pages })}</span>
          {result.page < pages && (
            <a class="ds-link" href={searchHref(query, { page: String(result.page + 1) })} rel="next" safe>
              {t('search.next')}
            </a>
          )}
        </nav>
      )}
    </section>
  );
}

function ListingCard({ view, listing }: { view: View; listing: Listing }): JSX.Element {
  const { t, locale } = view;
  return (
    <article class="ds-card">
      <h3 class="ds-heading" data-size="sm">
        <a class="ds-link" href={`/bostader/${encodeURIComponent(listing.listingId)}`} safe>
          {listing.address}
        </a>
      </h3>
      <p class="ds-paragraph" safe>
        {t('search.summary', {
          type: t(`listingType.${listing.listingType}` as MessageKey),
          rooms: formatNumber(listing.rooms, locale),
          area: formatNumber(listing.areaM2, locale),
          district: listing.district,
          municipality: listing.municipality,
        })}
      </p>
      <p class="ds-paragraph" safe>
        {t('search.rentAndDeadline', { rent: formatMoney(listing.monthlyRent, locale), deadline: formatDate(listing.applicationDeadline, locale) })}
      </p>
      <p class="ds-paragraph" data-size="sm" safe>
        {`${t('listing.requirements')}: ${requirementTexts(view, listing.requirements).join(' · ')}`}
      </p>
    </article>
  );
}
