import type { View } from '../view.js';
import type { FieldMessage } from './form-errors.js';

/** GOV.UK's pattern: at the top of a refused form, a list linking to each field with its message. */
export function ErrorSummary({ view, errors }: { view: View; errors: readonly FieldMessage[] }): JSX.Element {
  if (errors.length === 0) return '';
  return (
    <div class="ds-error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-heading">
      <h2 class="ds-heading" id="error-summary-heading" safe>
        {view.t('form.errorSummary')}
      </h2>
      <ul class="ds-list">
        {errors.map((error) => (
          <li>
            <a class="ds-link" href={`#${error.field}`} safe>
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
