import { formatDate, formatMoney, formatNumber } from '../../i18n/format.js';
import type { MessageKey } from '../../i18n/sv.js';
import type { View } from '../../views/view.js';
import type { Listing, Requirements } from './listing.js';

/** The facts a seeker compares listings by, as a definition list. */
export function ListingFacts({ view, listing }: { view: View; listing: Listing }): JSX.Element {
  const { t, locale } = view;
  return (
    <dl class="facts">
      <dt safe>{t('listing.type')}</dt>
      <dd safe>{t(`listingType.${listing.listingType}` as MessageKey)}</dd>
      <dt safe>{t('listing.rent')}</dt>
      <dd safe>{t('listing.perMonth', { rent: formatMoney(listing.monthlyRent, locale) })}</dd>
      <dt safe>{t('listing.rooms')}</dt>
      <dd safe>{formatNumber(listing.rooms, locale)}</dd>
      <dt safe>{t('listing.area')}</dt>
      <dd safe>{`${formatNumber(listing.areaM2, locale)} m²`}</dd>
      <dt safe>{t('listing.district')}</dt>
      <dd safe>{`${listing.district}, ${listing.municipality}`}</dd>
      <dt safe>{t('listing.floor')}</dt>
      <dd safe>{t(listing.lift ? 'listing.floorLift' : 'listing.floorNoLift', { floor: listing.floor })}</dd>
      <dt safe>{t('listing.moveIn')}</dt>
      <dd safe>{formatDate(listing.moveInDate, locale)}</dd>
      <dt safe>{t('listing.deadline')}</dt>
      <dd safe>{formatDate(listing.applicationDeadline, locale)}</dd>
    </dl>
  );
}

/** Every requirement fixed at publishing, in words: hidden requirements would be a discrimination risk. */
export function requirementTexts(view: View, requirements: Requirements): string[] {
  const { t, locale } = view;
  const texts: string[] = [];
  if (requirements.minAge !== null && requirements.maxAge !== null) texts.push(t('requirement.ageRange', { min: requirements.minAge, max: requirements.maxAge }));
  else if (requirements.minAge !== null) texts.push(t('requirement.minAge', { min: requirements.minAge }));
  else if (requirements.maxAge !== null) texts.push(t('requirement.maxAge', { max: requirements.maxAge }));
  if (requirements.incomeMultiple !== null) texts.push(t('requirement.income', { multiple: formatNumber(requirements.incomeMultiple, locale) }));
  if (requirements.maxHouseholdSize !== null) texts.push(t('requirement.household', { max: requirements.maxHouseholdSize }));
  if (requirements.noPaymentRemarks) texts.push(t('requirement.noRemarks'));
  return texts.length > 0 ? texts : [t('requirement.none')];
}

export function RequirementList({ view, requirements }: { view: View; requirements: Requirements }): JSX.Element {
  return (
    <ul class="ds-list">
      {requirementTexts(view, requirements).map((text) => (
        <li safe>{text}</li>
      ))}
    </ul>
  );
}
