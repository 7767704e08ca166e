import { messageAt, type FieldMessage } from '../../views/components/form-errors.js';

/** A yes/no requirement of the landlord's forms: posts `yes` when ticked, with its message when refused. */
export function Checkbox({ id, label, checked, errors }: { id: string; label: string; checked: boolean; errors: readonly FieldMessage[] }): JSX.Element {
  const message = messageAt(errors, id);
  return (
    <div class="ds-field">
      <input class="ds-input" type="checkbox" id={id} name={id} value="yes" checked={checked} aria-invalid={message ? 'true' : undefined} aria-describedby={message ? `${id}-error` : undefined} />
      <label class="ds-label" for={id} safe>
        {label}
      </label>
      {message && (
        <div class="ds-validation-message" data-field="validation" id={`${id}-error`} safe>
          {message}
        </div>
      )}
    </div>
  );
}
