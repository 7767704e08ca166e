import { ErrorSummary } from '../../views/components/error-summary.js';
import type { FieldMessage } from '../../views/components/form-errors.js';
import { FormTokens } from '../../views/components/hidden-fields.js';
import { TextField } from '../../views/components/text-field.js';
import type { View } from '../../views/view.js';
import { StaffLayout } from './staff-layout.js';

/** Before a seeker's data is read, the reason for reading it: the apps log it and show it to the person. */
export function ReasonPage({ view, applicantId, errors }: { view: View; applicantId: string; errors: readonly FieldMessage[] }): JSX.Element {
  const { t } = view;
  return (
    <StaffLayout view={view} title={t('staff.reason.title')}>
      <h1 class="ds-heading" data-size="lg" safe>
        {t('staff.reason.title')}
      </h1>
      <p class="ds-paragraph" safe>
        {t('staff.reason.intro')}
      </p>
      <ErrorSummary view={view} errors={errors} />
      <form method="post" action={`/handlaggare/sokande/${applicantId}/skal`} class="stack" novalidate>
        <FormTokens view={view} />
        <TextField id="skal" label={t('staff.field.label.reason')} description={t('staff.field.hint.reason')} errors={errors} required />
        <div>
          <button class="ds-button" data-variant="primary" type="submit" safe>
            {t('staff.reason.submit')}
          </button>
        </div>
      </form>
    </StaffLayout>
  );
}
