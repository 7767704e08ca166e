import { ErrorSummary } from '../../views/components/error-summary.js';
import type { FieldMessage } from '../../views/components/form-errors.js';
import { FormTokens } from '../../views/components/hidden-fields.js';
import { TextField } from '../../views/components/text-field.js';
import type { View } from '../../views/view.js';
import { Checkbox } from './checkbox.js';
import type { GuidelineVersion } from './landlord.types.js';

/** The guideline form as typed; the inputs are named as the landlords app names the fields (`standard.minAge` → `standard-minAge`), so its refusals land at them. */
export interface GuidelineForm {
  readonly effectiveFrom?: string;
  readonly incomeMultiple?: string;
  readonly maxHouseholdSize?: string;
  readonly minAge?: string;
  readonly maxAge?: string;
  readonly noPaymentRemarks?: boolean;
  readonly reason?: string;
}

const shown = (value: number | null | undefined): string => (value === null || value === undefined ? '' : String(value));

/** The form starts from the version in force, so an administrator changes what differs. */
export function guidelineFormOf(guideline: GuidelineVersion | undefined): GuidelineForm {
  const standard = guideline?.standard;
  return {
    incomeMultiple: shown(standard?.incomeMultiple),
    maxHouseholdSize: shown(standard?.maxHouseholdSize),
    minAge: shown(standard?.minAge),
    maxAge: shown(standard?.maxAge),
    noPaymentRemarks: standard?.noPaymentRemarks ?? true,
  };
}

/**
 * A new version of the letting guideline's standard requirements, from a date, with the reason for it: new
 * listings are prefilled from it. The per-type requirements stay as they are. Administrators only.
 */
export function GuidelineFormSection({ view, form, errors }: { view: View; form: GuidelineForm; errors: readonly FieldMessage[] }): JSX.Element {
  const { t } = view;
  return (
    <form method="post" action="/hyresvard/riktlinje" class="stack" novalidate aria-labelledby="guideline-form-heading">
      <h3 class="ds-heading" data-size="sm" id="guideline-form-heading" safe>
        {t('landlord.guidelineForm.title')}
      </h3>
      <ErrorSummary view={view} errors={errors} />
      <FormTokens view={view} />
      <TextField
        id="effectiveFrom"
        label={t('landlord.guidelineForm.effectiveFrom')}
        description={t('landlord.guidelineForm.dateHint')}
        value={form.effectiveFrom}
        errors={errors}
        inputmode="numeric"
        required
      />
      <TextField id="standard-incomeMultiple" label={t('landlord.field.label.incomeMultiple')} value={form.incomeMultiple} errors={errors} inputmode="decimal" />
      <TextField id="standard-maxHouseholdSize" label={t('landlord.field.label.maxHouseholdSize')} value={form.maxHouseholdSize} errors={errors} inputmode="numeric" />
      <TextField id="standard-minAge" label={t('landlord.field.label.minAge')} value={form.minAge} errors={errors} inputmode="numeric" />
      <TextField id="standard-maxAge" label={t('landlord.field.label.maxAge')} value={form.maxAge} errors={errors} inputmode="numeric" />
      <Checkbox id="standard-noPaymentRemarks" label={t('landlord.field.label.noPaymentRemarks')} checked={form.noPaymentRemarks ?? false} errors={errors} />
      <TextField id="reason" label={t('landlord.guidelineForm.reason')} description={t('landlord.guidelineForm.reasonHint')} value={form.reason} errors={errors} required />
      <div>
        <button class="ds-button" data-variant="primary" type="submit" safe>
          {t('landlord.guidelineForm.submit')}
        </button>
      </div>
    </form>
  );
}
