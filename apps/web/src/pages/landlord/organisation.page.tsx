import { formatDate, formatDateTime } from '../../i18n/format.js';
import type { MessageKey } from '../../i18n/sv.js';
import type { View } from '../../views/view.js';
import { LISTING_TYPES } from '../listings/listing.js';
import { RequirementList, requirementTexts } from '../listings/listing-facts.js';
import { LandlordLayout } from './landlord-layout.js';
import type { Notices } from './notices.query.js';
import { NoticesSection } from './notices.section.js';
import type { Agreement, GuidelineVersion } from './landlord.types.js';
import type { OrganisationData } from './organisation.query.js';
import { UsersSection, type UserForm } from './users.section.js';
import { GuidelineFormSection, guidelineFormOf, type GuidelineForm } from './guideline-form.js';
import type { FieldMessage } from '../../views/components/form-errors.js';

interface OrganisationProps {
  readonly view: View;
  readonly data: OrganisationData;
  /** What waits for the organisation; left out on a refused form, which is about the form. */
  readonly notices?: Notices;
  readonly userForm: UserForm;
  readonly errors: readonly FieldMessage[];
  /** A refused guideline form, as typed, with the reasons at its fields. */
  readonly guidelineForm?: GuidelineForm;
  readonly guidelineErrors?: readonly FieldMessage[];
}

/** The organisation's page: its agreement with the agency, its users, and the letting guideline that prefills new listings. */
export function OrganisationPage({ view, data, notices, userForm, errors, guidelineForm, guidelineErrors = [] }: OrganisationProps): JSX.Element {
  const { t } = view;
  const { me, organisation } = data;
  return (
    <LandlordLayout view={view} title={organisation.name}>
      <h1 class="ds-heading" data-size="lg" safe>
        {organisation.name}
      </h1>
      <p class="ds-paragraph" safe>
        {t('landlord.org.signedInAs', { name: me.name ?? '', role: t(`landlord.role.${me.role}`) })}
      </p>
      {notices && <NoticesSection view={view} notices={notices} />}
      <AgreementSection view={view} data={data} />
      <UsersSection view={view} data={data} form={userForm} errors={errors} />
      <GuidelineSection view={view} guideline={data.guideline} history={data.history} />
      {me.role === 'administrator' && <GuidelineFormSection view={view} form={guidelineForm ?? guidelineFormOf(data.guideline)} errors={guidelineErrors} />}
    </LandlordLayout>
  );
}

function AgreementSection({ view, data }: { view: View; data: OrganisationData }): JSX.Element {
  const { t, locale } = view;
  const { organisation } = data;
  return (
    <section aria-labelledby="agreement-heading" class="stack-wide">
      <h2 class="ds-heading" data-size="md" id="agreement-heading" safe>
        {t('landlord.agreement.title')}
      </h2>
      <dl class="facts">
        <dt safe>{t('landlord.org.number')}</dt>
        <dd safe>{organisation.organisationNumber}</dd>
        <dt safe>{t('landlord.agreement.status')}</dt>
        <dd safe>{t(`landlord.agreement.status.${organisation.agreementStatus}`)}</dd>
        <dt safe>{t('landlord.agreement.publish')}</dt>
        <dd safe>{t(organisation.canPublishToday ? 'landlord.agreement.canPublish' : 'landlord.agreement.cannotPublish')}</dd>
      </dl>
      {organisation.agreements.length > 0 && (
        <div class="table-scroll">
          <table class="ds-table">
            <caption safe>{t('landlord.agreement.caption')}</caption>
            <thead>
              <tr>
                <th scope="col" safe>
                  {t('landlord.agreement.signedOn')}
                </th>
                <th scope="col" safe>
                  {t('landlord.agreement.timeline')}
                </th>
              </tr>
            </thead>
            <tbody>
              {organisation.agreements.map((agreement) => (
                <tr>
                  <td safe>{formatDate(agreement.signedOn, locale)}</td>
                  <td>
                    <ul class="ds-list">
                      {periods(view, agreement).map((text) => (
                        <li safe>{text}</li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

const periods = (view: View, agreement: Agreement): string[] =>
  agreement.timeline.map((period) => view.t('landlord.agreement.period', { status: view.t(`landlord.agreement.status.${period.status}`), date: formatDate(period.effectiveFrom, view.locale) }));

function GuidelineSection({ view, guideline, history }: { view: View; guideline?: GuidelineVersion; history: readonly GuidelineVersion[] }): JSX.Element {
  const { t, locale } = view;
  return (
    <section aria-labelledby="guideline-heading" class="stack-wide">
      <h2 class="ds-heading" data-size="md" id="guideline-heading" safe>
        {t('landlord.guideline.title')}
      </h2>
      <p class="ds-paragraph" safe>
        {t('landlord.guideline.intro')}
      </p>
      {!guideline ? (
        <p class="ds-paragraph" safe>
          {t('landlord.guideline.none')}
        </p>
      ) : (
        <>
          <p class="ds-paragraph" safe>
            {t('landlord.guideline.inForce', { date: formatDate(guideline.effectiveFrom, locale) })}
          </p>
          <h3 class="ds-heading" data-size="sm" safe>
            {t('landlord.guideline.standard')}
          </h3>
          <RequirementList view={view} requirements={guideline.standard} />
          {LISTING_TYPES.filter((type) => guideline.byListingType[type]).map((type) => (
            <>
              <h3 class="ds-heading" data-size="sm" safe>
                {t('landlord.guideline.forType', { type: t(`listingType.${type}` as MessageKey) })}
              </h3>
              <RequirementList view={view} requirements={guideline.byListingType[type]!} />
            </>
          ))}
        </>
      )}
      {history.length > 0 && (
        <div class="table-scroll">
          <table class="ds-table">
            <caption safe>{t('landlord.guideline.history')}</caption>
            <thead>
              <tr>
                <th scope="col" safe>
                  {t('landlord.guideline.effectiveFrom')}
                </th>
                <th scope="col" safe>
                  {t('landlord.guideline.standard')}
                </th>
                <th scope="col" safe>
                  {t('landlord.guideline.reason')}
                </th>
                <th scope="col" safe>
                  {t('landlord.guideline.changedAt')}
                </th>
              </tr>
            </thead>
            <tbody>
              {[...history].reverse().map((version) => (
                <tr>
                  <td safe>{formatDate(version.effectiveFrom, locale)}</td>
                  <td safe>{requirementTexts(view, version.standard).join(' ')}</td>
                  <td safe>{version.reason}</td>
                  <td safe>{formatDateTime(version.changedAt, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
