import { ErrorSummary } from '../../views/components/error-summary.js';
import type { FieldMessage } from '../../views/components/form-errors.js';
import { FormTokens } from '../../views/components/hidden-fields.js';
import { TextField } from '../../views/components/text-field.js';
import type { View } from '../../views/view.js';
import { Layout } from '../../views/layout.js';

export const INTEREST_FIELDS = {
  name: 'org-namn',
  organisationNumber: 'org-nummer',
  contactName: 'kontakt-namn',
  contactEmail: 'kontakt-epost',
  contactPhone: 'kontakt-telefon',
} as const;

/** The interest form: the organisation, its organisation number and a contact person the agency calls back. */
export function InterestPage({ view, form, errors }: { view: View; form: Readonly<Record<string, string>>; errors: readonly FieldMessage[] }): JSX.Element {
  const { t } = view;
  const f = INTEREST_FIELDS;
  return (
    <Layout view={view} title={t('landlord.interest.title')}>
      <h1 class="ds-heading" data-size="lg" safe>
        {t('landlord.interest.title')}
      </h1>
      <p class="ds-paragraph" safe>
        {t('landlord.interest.intro')}
      </p>
      <ErrorSummary view={view} errors={errors} />
      <form method="post" action="/hyresvard/intresseanmalan" class="stack" novalidate>
        <FormTokens view={view} />
        <TextField id={f.name} label={t('landlord.interest.name')} value={form[f.name]} errors={errors} autocomplete="organization" required />
        <TextField
          id={f.organisationNumber}
          label={t('landlord.interest.organisationNumber')}
          description={t('landlord.interest.organisationNumberHint')}
          value={form[f.organisationNumber]}
          errors={errors}
          inputmode="numeric"
          required
        />
        <TextField id={f.contactName} label={t('landlord.interest.contactName')} value={form[f.contactName]} errors={errors} autocomplete="name" required />
        <TextField id={f.contactEmail} type="email" label={t('landlord.interest.contactEmail')} value={form[f.contactEmail]} errors={errors} autocomplete="email" required />
        <TextField
          id={f.contactPhone}
          type="tel"
          label={t('landlord.interest.contactPhone')}
          description={t('landlord.interest.optional')}
          value={form[f.contactPhone]}
          errors={errors}
          autocomplete="tel"
        />
        <div>
          <button class="ds-button" data-variant="primary" type="submit" safe>
            {t('landlord.interest.submit')}
          </button>
        </div>
      </form>
    </Layout>
  );
}
