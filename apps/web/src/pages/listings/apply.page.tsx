import { ErrorSummary } from '../../views/components/error-summary.js';
import type { FieldMessage } from '../../views/components/form-errors.js';
import { FormTokens } from '../../views/components/hidden-fields.js';
import { TextField } from '../../views/components/text-field.js';
import { Layout } from '../../views/layout.js';
import type { View } from '../../views/view.js';
import type { Refusal } from './eligibility.js';
import type { Listing } from './listing.js';
import { RequirementList } from './listing-facts.js';
import { RefusalList } from './refusal-list.js';

export interface Declaration {
  readonly householdSize?: string;
  readonly taxableIncome?: string;
  readonly nonTaxableIncome?: string;
  readonly hasPaymentRemarks?: string;
}

interface ApplyProps {
  readonly view: View;
  readonly listing: Listing;
  readonly form: Declaration;
  readonly errors: readonly FieldMessage[];
  /** After "check": the refusals the listings app found, empty when the declaration would be accepted. */
  readonly checked?: readonly Refusal[];
  /** After a refused apply: why. */
  readonly refused?: readonly Refusal[];
}

export function ApplyPage({ view, listing, form, errors, checked, refused }: ApplyProps): JSX.Element {
  const { t } = view;
  const action = `/bostader/${encodeURIComponent(listing.listingId)}/ansok`;
  return (
    <Layout view={view} title={t('apply.title', { address: listing.address })}>
      <p class="ds-paragraph">
        <a class="ds-link" href={`/bostader/${encodeURIComponent(listing.listingId)}`} safe>
          {t('apply.back')}
        </a>
      </p>
      <h1 class="ds-heading" data-size="lg" safe>
        {t('apply.title', { address: listing.address })}
      </h1>
      <ErrorSummary view={view} errors={errors} />
      {refused && (
        <div class="ds-alert" data-color="danger" role="alert">
          <h2 class="ds-heading" data-size="xs" safe>
            {t('apply.refused')}
          </h2>
          <RefusalList view={view} refusals={refused} />
        </div>
      )}
      {checked && (
        <div class="ds-alert" data-color={checked.length === 0 ? 'success' : 'warning'} role="status">
          {checked.length === 0 ? (
            <p class="ds-paragraph" safe>
              {t('apply.checkedOk')}
            </p>
          ) : (
            <>
              <h2 class="ds-heading" data-size="xs" safe>
                {t('apply.checkedNotOk')}
              </h2>
              <RefusalList view={view} refusals={checked} />
            </>
          )}
        </div>
      )}
      <h2 class="ds-heading" data-size="sm" safe>
        {t('listing.requirements')}
      </h2>
      <RequirementList view={view} requirements={listing.requirements} />
      <form method="post" action={action} class="stack" novalidate>
        <FormTokens view={view} />
        <TextField
          id="householdSize"
          type="number"
          inputmode="numeric"
          min={1}
          max={20}
          label={t('apply.householdSize')}
          description={t('apply.householdSizeHint')}
          value={form.householdSize}
          errors={errors}
          required
        />
        <TextField id="taxableIncome" inputmode="numeric" label={t('apply.taxableIncome')} description={t('apply.taxableIncomeHint')} value={form.taxableIncome} errors={errors} required />
        <TextField
          id="nonTaxableIncome"
          inputmode="numeric"
          label={t('apply.nonTaxableIncome')}
          description={t('apply.nonTaxableIncomeHint')}
          value={form.nonTaxableIncome ?? '0'}
          errors={errors}
          required
        />
        <fieldset class="ds-fieldset" id="hasPaymentRemarks" aria-describedby="hasPaymentRemarks-description">
          <legend class="ds-label" safe>
            {t('apply.remarks')}
          </legend>
          <p class="ds-paragraph" data-size="sm" id="hasPaymentRemarks-description" safe>
            {t('apply.remarksHint')}
          </p>
          <div class="ds-field">
            <input class="ds-input" type="radio" id="remarks-no" name="hasPaymentRemarks" value="no" checked={form.hasPaymentRemarks !== 'yes'} />
            <label class="ds-label" for="remarks-no" safe>
              {t('apply.remarksNo')}
            </label>
          </div>
          <div class="ds-field">
            <input class="ds-input" type="radio" id="remarks-yes" name="hasPaymentRemarks" value="yes" checked={form.hasPaymentRemarks === 'yes'} />
            <label class="ds-label" for="remarks-yes" safe>
              {t('apply.remarksYes')}
            </label>
          </div>
        </fieldset>
        <div class="actions">
          <button class="ds-button" data-variant="primary" type="submit" name="action" value="apply" safe>
            {t('apply.submit')}
          </button>
          <button class="ds-button" data-variant="secondary" type="submit" name="action" value="check" safe>
            {t('apply.check')}
          </button>
        </div>
      </form>
    </Layout>
  );
}
