import type { MessageKey } from '../../i18n/sv.js';
import { ErrorSummary } from '../../views/components/error-summary.js';
import type { FieldMessage } from '../../views/components/form-errors.js';
import { FormTokens } from '../../views/components/hidden-fields.js';
import { TextField } from '../../views/components/text-field.js';
import type { View } from '../../views/view.js';
import { LISTING_TYPES } from '../listings/listing.js';
import { Checkbox } from './checkbox.js';
import { LandlordLayout } from './landlord-layout.js';
import type { ListingForm } from './listing-form.js';

interface PublishProps {
  readonly view: View;
  readonly form: ListingForm;
  readonly errors: readonly FieldMessage[];
}

/**
 * Step one chooses the type, which prefills the requirements from the landlord's letting guideline;
 * step two is the flat, its dates and those requirements, then a preview before publishing.
 */
export function PublishPage({ view, form, errors }: PublishProps): JSX.Element {
  const { t } = view;
  return (
    <LandlordLayout view={view} title={t('landlord.publish.title')}>
      <h1 class="ds-heading" data-size="lg" safe>
        {t('landlord.publish.title')}
      </h1>
      <form method="get" action="/hyresvard/annonser/ny" class="filters">
        <div class="ds-field">
          <label class="ds-label" for="typ" safe>
            {t('landlord.publish.type')}
          </label>
          <div data-field="description" id="typ-description" safe>
            {t('landlord.publish.typeHint')}
          </div>
          <select class="ds-input" id="typ" name="typ" aria-describedby="typ-description">
            {LISTING_TYPES.map((type) => (
              <option value={type} selected={form.listingType === type} safe>
                {t(`listingType.${type}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <button class="ds-button" data-variant="secondary" type="submit" safe>
            {t('landlord.publish.chooseType')}
          </button>
        </div>
      </form>
      <ErrorSummary view={view} errors={errors} />
      <form method="post" action="/hyresvard/annonser/ny" class="stack" novalidate>
        <FormTokens view={view} />
        <input type="hidden" name="listingType" value={form.listingType} />
        <p class="ds-paragraph" safe>
          {t('landlord.publish.typeChosen', { type: t(`listingType.${form.listingType}` as MessageKey) })}
        </p>
        <fieldset class="ds-fieldset stack">
          <legend class="ds-heading" data-size="sm" safe>
            {t('landlord.publish.flat')}
          </legend>
          <TextField id="address" label={t('landlord.field.label.address')} value={form.address} errors={errors} autocomplete="off" required />
          <TextField id="district" label={t('landlord.field.label.district')} value={form.district} errors={errors} autocomplete="off" required />
          <TextField id="municipality" label={t('landlord.field.label.municipality')} value={form.municipality} errors={errors} autocomplete="off" required />
          <TextField id="rooms" label={t('listing.rooms')} description={t('landlord.field.hint.rooms')} value={form.rooms} errors={errors} inputmode="decimal" required />
          <TextField id="areaM2" label={t('landlord.field.label.areaM2')} value={form.areaM2} errors={errors} inputmode="decimal" required />
          <TextField id="monthlyRent" label={t('landlord.field.label.monthlyRent')} value={form.monthlyRent} errors={errors} inputmode="numeric" required />
          <TextField id="floor" label={t('listing.floor')} description={t('landlord.field.hint.floor')} value={form.floor} errors={errors} inputmode="numeric" required />
          <Checkbox id="lift" label={t('landlord.field.label.lift')} checked={form.lift} errors={errors} />
        </fieldset>
        <fieldset class="ds-fieldset stack">
          <legend class="ds-heading" data-size="sm" safe>
            {t('landlord.publish.dates')}
          </legend>
          <TextField id="applicationDeadline" label={t('listing.deadline')} description={t('landlord.field.hint.date')} value={form.applicationDeadline} errors={errors} inputmode="numeric" required />
          <TextField id="moveInDate" label={t('listing.moveIn')} description={t('landlord.field.hint.date')} value={form.moveInDate} errors={errors} inputmode="numeric" required />
        </fieldset>
        <fieldset class="ds-fieldset stack" aria-describedby="requirements-description">
          <legend class="ds-heading" data-size="sm" safe>
            {t('listing.requirements')}
          </legend>
          <p class="ds-paragraph" id="requirements-description" safe>
            {t('landlord.publish.requirementsHint')}
          </p>
          <TextField
            id="requirements-incomeMultiple"
            label={t('landlord.field.label.incomeMultiple')}
            description={t('landlord.field.hint.incomeMultiple')}
            value={form.incomeMultiple}
            errors={errors}
            inputmode="decimal"
          />
          <TextField id="requirements-maxHouseholdSize" label={t('landlord.field.label.maxHouseholdSize')} value={form.maxHouseholdSize} errors={errors} inputmode="numeric" />
          <TextField id="requirements-minAge" label={t('landlord.field.label.minAge')} value={form.minAge} errors={errors} inputmode="numeric" />
          <TextField id="requirements-maxAge" label={t('landlord.field.label.maxAge')} value={form.maxAge} errors={errors} inputmode="numeric" />
          <Checkbox id="requirements-noPaymentRemarks" label={t('landlord.field.label.noPaymentRemarks')} checked={form.noPaymentRemarks} errors={errors} />
        </fieldset>
        <div class="actions">
          <button class="ds-button" data-variant="primary" type="submit" name="action" value="preview" safe>
            {t('landlord.publish.preview')}
          </button>
        </div>
      </form>
    </LandlordLayout>
  );
}
