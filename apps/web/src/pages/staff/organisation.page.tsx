import { formatDate } from '../../i18n/format.js';
import { messageFor } from '../../i18n/locale.js';
import { TextAreaField } from '../../views/components/text-area-field.js';
import { ErrorSummary } from '../../views/components/error-summary.js';
import { FormTokens } from '../../views/components/hidden-fields.js';
import { TextField } from '../../views/components/text-field.js';
import type { View } from '../../views/view.js';
import { LANDLORD_FORMS, type LandlordForm, type OrganisationUser, type StaffOrganisation } from './landlords.types.js';
import { errorsFor, valuesFor, type RefusedForm } from './seeker-forms.js';
import { StaffLayout } from './staff-layout.js';

interface OrganisationProps {
  readonly view: View;
  readonly organisation: StaffOrganisation;
  readonly users: readonly OrganisationUser[];
  readonly refused?: RefusedForm<LandlordForm>;
}

/** One landlord for staff: the agreement and its dated periods, the users, and the agency's decisions on them. */
export function StaffOrganisationPage({ view, organisation, users, refused }: OrganisationProps): JSX.Element {
  const { t, locale } = view;
  const base = `/handlaggare/hyresvardar/${organisation.landlordId}`;
  const open = organisation.openAgreementId;
  const activeUsers = users.filter((user) => user.status === 'active');
  return (
    <StaffLayout view={view} title={organisation.name}>
      <h1 class="ds-heading" data-size="lg" safe>
        {organisation.name}
      </h1>
      <ErrorSummary view={view} errors={refused?.errors ?? []} />
      <dl class="facts">
        <dt safe>{t('staff.landlords.number')}</dt>
        <dd safe>{organisation.organisationNumber}</dd>
        <dt safe>{t('staff.landlords.status')}</dt>
        <dd safe>{messageFor(locale, `staff.agreement.${organisation.agreementStatus}`) ?? organisation.agreementStatus}</dd>
        <dt safe>{t('staff.landlords.canPublish')}</dt>
        <dd safe>{organisation.canPublishToday ? t('staff.yes') : t('staff.no')}</dd>
        <dt safe>{t('staff.landlords.contact')}</dt>
        <dd safe>{[organisation.contact?.name, organisation.contact?.email, organisation.contact?.phone].filter(Boolean).join(', ') || '–'}</dd>
      </dl>
      <section aria-labelledby="agreements-heading" class="stack">
        <h2 class="ds-heading" data-size="md" id="agreements-heading" safe>
          {t('staff.landlords.agreements')}
        </h2>
        {organisation.agreements.length === 0 && (
          <p class="ds-paragraph" safe>
            {t('staff.landlords.noAgreement')}
          </p>
        )}
        {organisation.agreements.map((agreement) => (
          <article class="ds-card">
            <h3 class="ds-heading" data-size="xs" safe>
              {t('staff.landlords.signedOn', { date: formatDate(agreement.signedOn, locale) })}
            </h3>
            <p class="ds-paragraph" safe>
              {agreement.terms}
            </p>
            <ul class="ds-list">
              {agreement.timeline.map((period) => (
                <li safe>{`${formatDate(period.effectiveFrom, locale)}: ${messageFor(locale, `staff.agreement.${period.status}`) ?? period.status}${period.reason ? ` – ${period.reason}` : ''}`}</li>
              ))}
            </ul>
          </article>
        ))}
        {open ? (
          <>
            <DecisionForm
              view={view}
              action={`${base}/avtal/${open}/avbrott`}
              form="suspension"
              refused={refused}
              dateLabel={t('staff.landlords.from')}
              submit={t('staff.landlords.suspend')}
              title={t('staff.landlords.suspendTitle')}
            />
            <DecisionForm
              view={view}
              action={`${base}/avtal/${open}/ateruppta`}
              form="reinstatement"
              refused={refused}
              dateLabel={t('staff.landlords.from')}
              submit={t('staff.landlords.reinstate')}
              title={t('staff.landlords.reinstateTitle')}
            />
            <DecisionForm
              view={view}
              action={`${base}/avtal/${open}/uppsagning`}
              form="termination"
              refused={refused}
              dateLabel={t('staff.landlords.noticeDate')}
              submit={t('staff.landlords.terminate')}
              title={t('staff.landlords.terminateTitle')}
            />
          </>
        ) : (
          <form method="post" action={`${base}/avtal`} class="stack" novalidate>
            <h3 class="ds-heading" data-size="sm" safe>
              {t('staff.landlords.signTitle')}
            </h3>
            <FormTokens view={view} />
            <TextField
              id={LANDLORD_FORMS.sign.effectiveFrom}
              type="date"
              label={t('staff.landlords.from')}
              description={t('staff.landlords.fromHint')}
              value={valuesFor(refused, 'sign').effectiveFrom}
              errors={errorsFor(refused, 'sign')}
            />
            <TextAreaField id={LANDLORD_FORMS.sign.terms} label={t('staff.landlords.terms')} value={valuesFor(refused, 'sign').terms} errors={errorsFor(refused, 'sign')} />
            <div>
              <button class="ds-button" data-variant="primary" type="submit" safe>
                {t('staff.landlords.sign')}
              </button>
            </div>
          </form>
        )}
      </section>
      <section aria-labelledby="users-heading" class="stack">
        <h2 class="ds-heading" data-size="md" id="users-heading" safe>
          {t('staff.landlords.users')}
        </h2>
        {activeUsers.length === 0 ? (
          <p class="ds-paragraph" safe>
            {t('staff.landlords.noUsers')}
          </p>
        ) : (
          <ul class="ds-list">
            {activeUsers.map((user) => (
              <li safe>{`${user.name ?? '–'} (${user.email ?? '–'}), ${messageFor(locale, `landlord.role.${user.role}`) ?? user.role}`}</li>
            ))}
          </ul>
        )}
        {activeUsers.length === 0 && (
          <form method="post" action={`${base}/forsta-administrator`} class="stack" novalidate>
            <h3 class="ds-heading" data-size="sm" safe>
              {t('staff.landlords.firstAdmin')}
            </h3>
            <FormTokens view={view} />
            <TextField
              id={LANDLORD_FORMS.administrator.name}
              label={t('staff.seeker.name')}
              value={valuesFor(refused, 'administrator').name}
              errors={errorsFor(refused, 'administrator')}
              autocomplete="off"
            />
            <TextField
              id={LANDLORD_FORMS.administrator.email}
              type="email"
              label={t('staff.seeker.email')}
              value={valuesFor(refused, 'administrator').email}
              errors={errorsFor(refused, 'administrator')}
              autocomplete="off"
            />
            <TextField
              id={LANDLORD_FORMS.administrator.password}
              type="password"
              label={t('staff.landlords.initialPassword')}
              description={t('staff.landlords.initialPasswordHint')}
              errors={errorsFor(refused, 'administrator')}
              autocomplete="new-password"
            />
            <div>
              <button class="ds-button" data-variant="primary" type="submit" safe>
                {t('staff.landlords.createAdmin')}
              </button>
            </div>
          </form>
        )}
      </section>
    </StaffLayout>
  );
}

interface DecisionFormProps {
  readonly view: View;
  readonly action: string;
  readonly form: 'suspension' | 'reinstatement' | 'termination';
  readonly refused?: RefusedForm<LandlordForm>;
  readonly title: string;
  readonly dateLabel: string;
  readonly submit: string;
}

/** A dated decision on the open agreement, with its reason. */
function DecisionForm({ view, action, form, refused, title, dateLabel, submit }: DecisionFormProps): JSX.Element {
  const fields = LANDLORD_FORMS[form];
  const dateId = 'noticeDate' in fields ? fields.noticeDate : fields.effectiveFrom;
  const values = valuesFor(refused, form);
  const errors = errorsFor(refused, form);
  return (
    <form method="post" action={action} class="stack" novalidate>
      <h3 class="ds-heading" data-size="sm" safe>
        {title}
      </h3>
      <FormTokens view={view} />
      <TextField id={dateId} type="date" label={dateLabel} description={view.t('staff.landlords.fromHint')} value={values.noticeDate ?? values.effectiveFrom} errors={errors} />
      <TextAreaField id={fields.reason} label={view.t('staff.landlords.reason')} value={values.reason} errors={errors} />
      <div>
        <button class="ds-button" data-variant="secondary" type="submit" safe>
          {submit}
        </button>
      </div>
    </form>
  );
}
