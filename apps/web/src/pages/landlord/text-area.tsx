import { messageAt, type FieldMessage } from '../../views/components/form-errors.js';

/** A labelled multi-line text with its hint and, when refused, its message tied to it by aria-describedby. */
export function TextArea({ id, label, hint, value, errors }: { id: string; label: string; hint?: string; value?: string; errors: readonly FieldMessage[] }): JSX.Element {
  const message = messageAt(errors, id);
  const describedBy = [hint ? `${id}-description` : '', message ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class="ds-field">
      <label class="ds-label" for={id} safe>
        {label}
      </label>
      {hint && (
        <div data-field="description" id={`${id}-description`} safe>
          {hint}
        </div>
      )}
      <textarea class="ds-input" id={id} name={id} rows="6" required aria-invalid={message ? 'true' : undefined} aria-describedby={describedBy || undefined} safe>
        {value ?? ''}
      </textarea>
      {message && (
        <div class="ds-validation-message" data-field="validation" id={`${id}-error`} safe>
          {message}
        </div>
      )}
    </div>
  );
}
