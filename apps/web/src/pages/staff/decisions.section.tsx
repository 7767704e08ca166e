import { ChoiceField } from '../../views/components/choice-field.js';
import { TextAreaField } from '../../views/components/text-area-field.js';
import { FormTokens } from '../../views/components/hidden-fields.js';
import { TextField } from '../../views/components/text-field.js';
import type { View } from '../../views/view.js';
import { errorsFor, FORM_FIELDS, valuesFor, type RefusedForm } from './seeker-forms.js';
import type { CustomerCase } from './staff.types.js';

const QUEUE_REASONS = ['staff-correction', 'restored-after-agency-error'] as const;

interface DecisionsProps {
  readonly view: View;
  readonly applicantId: string;
  readonly cases: readonly CustomerCase[];
  readonly refused?: RefusedForm;
}

/** Staff decisions on queue time: each in a case, with a reason the seeker reads in their history. */
export function DecisionsSection({ view, applicantId, cases, refused }: DecisionsProps): JSX.Element {
  const { t } = view;
  const caseOptions = [{ value: '', label: t('staff.decision.chooseCase') }, ...cases.map((c) => ({ value: c.caseId, label: c.subject }))];
  const d = FORM_FIELDS.decision;
  const decision = valuesFor(refused, 'decision');
  const decisionErrors = errorsFor(refused, 'decision');
  const o = FORM_FIELDS.transfer;
  const transfer = valuesFor(refused, 'transfer');
  const transferErrors = errorsFor(refused, 'transfer');
  return (
    <section aria-labelledby="decisions-heading" class="stack">
      <h2 class="ds-heading" data-size="md" id="decisions-heading" safe>
        {t('staff.decision.title')}
      </h2>
      {cases.length === 0 && (
        <p class="ds-paragraph" safe>
          {t('staff.decision.needsCase')}
        </p>
      )}
      <form method="post" action={`/handlaggare/sokande/${applicantId}/kobeslut`} class="stack" novalidate>
        <h3 class="ds-heading" data-size="sm" safe>
          {t('staff.decision.queueStart')}
        </h3>
        <FormTokens view={view} />
        <ChoiceField id={d.caseId} label={t('staff.decision.case')} options={caseOptions} value={decision.caseId} errors={decisionErrors} />
        <ChoiceField
          id={d.reason}
          label={t('staff.decision.reason')}
          options={QUEUE_REASONS.map((reason) => ({ value: reason, label: t(`staff.reason.${reason}`) }))}
          value={decision.reason}
          errors={decisionErrors}
        />
        <TextField id={d.queueStartDate} type="date" label={t('staff.decision.newStart')} description={t('landlord.field.hint.date')} value={decision.queueStartDate} errors={decisionErrors} />
        <TextField
          id={d.effectiveFrom}
          type="date"
          label={t('staff.decision.effectiveFrom')}
          description={t('staff.decision.effectiveFromHint')}
          value={decision.effectiveFrom}
          errors={decisionErrors}
        />
        <TextAreaField id={d.explanation} label={t('staff.decision.explanation')} description={t('staff.decision.explanationHint')} value={decision.explanation} errors={decisionErrors} />
        <div>
          <button class="ds-button" data-variant="primary" type="submit" safe>
            {t('staff.decision.submit')}
          </button>
        </div>
      </form>
      <form method="post" action={`/handlaggare/sokande/${applicantId}/overforing`} class="stack" novalidate>
        <h3 class="ds-heading" data-size="sm" safe>
          {t('staff.transfer.title')}
        </h3>
        <p class="ds-paragraph" safe>
          {t('staff.transfer.intro')}
        </p>
        <FormTokens view={view} />
        <ChoiceField id={o.caseId} label={t('staff.decision.case')} options={caseOptions} value={transfer.caseId} errors={transferErrors} />
        <TextField id={o.fromApplicantId} label={t('staff.transfer.from')} description={t('staff.transfer.fromHint')} value={transfer.fromApplicantId} errors={transferErrors} />
        <TextAreaField id={o.explanation} label={t('staff.decision.explanation')} description={t('staff.decision.explanationHint')} value={transfer.explanation} errors={transferErrors} />
        <div>
          <button class="ds-button" data-variant="secondary" type="submit" safe>
            {t('staff.transfer.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
