import type { FieldMessage } from './form-errors.js';
import { messageAt } from './form-errors.js';

interface ChoiceFieldProps {
  readonly id: string;
  readonly label: string;
  readonly options: readonly { readonly value: string; readonly label: string }[];
  readonly value?: string;
  readonly description?: string;
  readonly errors: readonly FieldMessage[];
}

/** A labelled select with its description and, when refused, its message tied to it by aria-describedby. */
export function ChoiceField({ id, label, options, value, description, errors }: ChoiceFieldProps): JSX.Element {
  const message = messageAt(errors, id);
  const describedBy = [description ? `${id}-description` : '', message ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class="ds-field">
      <label class="ds-label" for={id} safe>
        {label}
      </label>
      {description && (
        <div data-field="description" id={`${id}-description`} safe>
          {description}
        </div>
      )}
      <select class="ds-input" id={id} name={id} aria-invalid={message ? 'true' : undefined} aria-describedby={describedBy || undefined}>
        {options.map((option) => (
          <option value={option.value} selected={option.value === value} safe>
            {option.label}
          </option>
        ))}
      </select>
      {message && (
        <div class="ds-validation-message" data-field="validation" id={`${id}-error`} safe>
          {message}
        </div>
      )}
    </div>
  );
}

interface TextAreaProps {
  readonly id: string;
  readonly label: string;
  readonly value?: string;
  readonly description?: string;
  readonly errors: readonly FieldMessage[];
  readonly required?: boolean;
}

/** A labelled multi-line text with its description and, when refused, its message. */
export function TextAreaField({ id, label, value, description, errors, required }: TextAreaProps): JSX.Element {
  const message = messageAt(errors, id);
  const describedBy = [description ? `${id}-description` : '', message ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class="ds-field">
      <label class="ds-label" for={id} safe>
        {label}
      </label>
      {description && (
        <div data-field="description" id={`${id}-description`} safe>
          {description}
        </div>
      )}
      <textarea class="ds-input" id={id} name={id} rows="4" required={required} aria-invalid={message ? 'true' : undefined} aria-describedby={describedBy || undefined} safe>
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
