import { formatDateTime } from '../../i18n/format.js';
import { ErrorSummary } from '../../views/components/error-summary.js';
import type { FieldMessage } from '../../views/components/form-errors.js';
import { FormTokens } from '../../views/components/hidden-fields.js';
import type { View } from '../../views/view.js';
import type { CaseDetail, CaseStep } from './cases.types.js';
import { LandlordLayout } from './landlord-layout.js';
import { TextAreaField } from '../../views/components/text-area-field.js';

interface CasePageProps {
  readonly view: View;
  readonly detail: CaseDetail;
  /** The organisation's users by id, to name who wrote; anyone else is the agency's staff. */
  readonly names: ReadonlyMap<string, string>;
  readonly text?: string;
  readonly errors: readonly FieldMessage[];
}

/** One case: what was asked, every message and answer in order, and, while it is not closed, a message to add. */
export function CasePage({ view, detail, names, text, errors }: CasePageProps): JSX.Element {
  const { t } = view;
  return (
    <LandlordLayout view={view} title={detail.subject}>
      <p class="ds-paragraph" data-size="sm">
        <a class="ds-link" href="/hyresvard/arenden" safe>
          {t('landlord.cases.back')}
        </a>
      </p>
      <h1 class="ds-heading" data-size="lg" safe>
        {detail.subject}
      </h1>
      <dl class="facts">
        <dt safe>{t('landlord.cases.category')}</dt>
        <dd safe>{t(`landlord.cases.category.${detail.category}`)}</dd>
        <dt safe>{t('landlord.cases.status')}</dt>
        <dd safe>{t(`landlord.cases.status.${detail.status}`)}</dd>
      </dl>
      <section aria-labelledby="history-heading" class="stack-wide">
        <h2 class="ds-heading" data-size="md" id="history-heading" safe>
          {t('landlord.cases.history')}
        </h2>
        <ol class="stack">
          {detail.history.map((step) => (
            <Step view={view} step={step} names={names} />
          ))}
        </ol>
      </section>
      {detail.status !== 'closed' && (
        <section aria-labelledby="message-heading" class="stack-wide">
          <h2 class="ds-heading" data-size="md" id="message-heading" safe>
            {t('landlord.cases.addMessage')}
          </h2>
          <ErrorSummary view={view} errors={errors} />
          <form method="post" action={`/hyresvard/arenden/${detail.caseId}/meddelanden`} class="stack" novalidate>
            <FormTokens view={view} />
            <TextAreaField
              id="text"
              label={t('landlord.cases.message')}
              description={detail.status === 'answered' ? t('landlord.cases.reopenHint') : undefined}
              value={text}
              errors={errors}
              required
              rows="6"
            />
            <div>
              <button class="ds-button" data-variant="primary" type="submit" safe>
                {t('landlord.cases.send')}
              </button>
            </div>
          </form>
        </section>
      )}
    </LandlordLayout>
  );
}

/** Who wrote a step: a user of the organisation by name, else the agency. */
function author(view: View, step: CaseStep, names: ReadonlyMap<string, string>): string {
  const fromLandlord = step.type === 'landlord-case-registered' || (step.type === 'landlord-case-message-added' && step.data.from === 'landlord');
  if (!fromLandlord) return view.t('landlord.cases.agency');
  return (step.by && names.get(step.by)) ?? view.t('landlord.cases.you');
}

function Step({ view, step, names }: { view: View; step: CaseStep; names: ReadonlyMap<string, string> }): JSX.Element {
  const { t, locale } = view;
  const [heading, text] =
    step.type === 'landlord-case-registered'
      ? [t('landlord.cases.step.registered'), step.data.description]
      : step.type === 'landlord-case-message-added'
        ? [t('landlord.cases.step.message'), step.data.text]
        : step.type === 'landlord-case-answered'
          ? [t('landlord.cases.step.answered'), step.data.answer]
          : [t('landlord.cases.step.closed'), step.data.resolution];
  return (
    <li class="ds-card" data-step={step.type}>
      <h3 class="ds-heading" data-size="xs" safe>
        {step.type === 'landlord-case-answered' || step.type === 'landlord-case-closed'
          ? t('landlord.cases.stepHeadingAgency', { what: heading, when: formatDateTime(step.at, locale) })
          : t('landlord.cases.stepHeading', { what: heading, who: author(view, step, names), when: formatDateTime(step.at, locale) })}
      </h3>
      {text
        .split(/\n\s*\n?/)
        .filter((line) => line.trim() !== '')
        .map((line) => (
          <p class="ds-paragraph" safe>
            {line}
          </p>
        ))}
    </li>
  );
}
