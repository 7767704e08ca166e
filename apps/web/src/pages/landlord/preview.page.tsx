import type { MessageKey } from '../../i18n/sv.js';
import { FormTokens } from '../../views/components/hidden-fields.js';
import type { View } from '../../views/view.js';
import type { Listing } from '../listings/listing.js';
import { ListingFacts, RequirementList } from '../listings/listing-facts.js';
import { LandlordLayout } from './landlord-layout.js';
import type { ListingForm } from './listing-form.js';

/** The form's values carried through the preview, so publishing sends what was previewed. */
function CarriedFields({ form }: { form: ListingForm }): JSX.Element {
  const fields: Record<string, string> = {
    listingType: form.listingType,
    address: form.address,
    municipality: form.municipality,
    district: form.district,
    rooms: form.rooms,
    areaM2: form.areaM2,
    monthlyRent: form.monthlyRent,
    floor: form.floor,
    moveInDate: form.moveInDate,
    applicationDeadline: form.applicationDeadline,
    'requirements-incomeMultiple': form.incomeMultiple,
    'requirements-maxHouseholdSize': form.maxHouseholdSize,
    'requirements-minAge': form.minAge,
    'requirements-maxAge': form.maxAge,
    ...(form.lift && { lift: 'yes' }),
    ...(form.noPaymentRemarks && { 'requirements-noPaymentRemarks': 'yes' }),
  };
  return (
    <>
      {Object.entries(fields).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

/** The listing exactly as a seeker's listing page shows it (the same components), then publish or go back and change it. */
export function PreviewPage({ view, form, listing }: { view: View; form: ListingForm; listing: Listing }): JSX.Element {
  const { t } = view;
  return (
    <LandlordLayout view={view} title={t('landlord.preview.title')}>
      <h1 class="ds-heading" data-size="lg" safe>
        {t('landlord.preview.title')}
      </h1>
      <p class="ds-paragraph" safe>
        {t('landlord.preview.intro')}
      </p>
      <article class="ds-card stack-wide" aria-labelledby="preview-heading">
        <h2 class="ds-heading" data-size="md" id="preview-heading" safe>
          {listing.address}
        </h2>
        <ListingFacts view={view} listing={listing} />
        <h3 class="ds-heading" data-size="sm" safe>
          {t('listing.requirements')}
        </h3>
        <RequirementList view={view} requirements={listing.requirements} />
        <h3 class="ds-heading" data-size="sm" safe>
          {t('listing.allocation')}
        </h3>
        <p class="ds-paragraph" safe>
          {t(`allocation.${listing.allocationMethod}` as MessageKey)}
        </p>
      </article>
      <form method="post" action="/hyresvard/annonser/ny" class="actions">
        <FormTokens view={view} />
        <CarriedFields form={form} />
        <button class="ds-button" data-variant="primary" type="submit" name="action" value="publish" safe>
          {t('landlord.preview.publish')}
        </button>
        <button class="ds-button" data-variant="secondary" type="submit" name="action" value="edit" safe>
          {t('landlord.preview.edit')}
        </button>
      </form>
    </LandlordLayout>
  );
}
