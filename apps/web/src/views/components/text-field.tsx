import type { FieldMessage } from './form-errors.js';
import { messageAt } from './form-errors.js';

interface TextFieldProps {
  readonly id: string;
  readonly label: string;
  readonly value?: string | number;
  readonly description?: string;
  readonly errors: readonly FieldMessage[];
  readonly type?: 'text' | 'email' | 'tel' | 'password' | 'number' | 'date';
  readonly autocomplete?: string;
  readonly required?: boolean;
  readonly inputmode?: 'numeric' | 'decimal' | 'email' | 'tel' | 'text';
  readonly min?: number;
  readonly max?: number;
}

/** A labelled input with its description and, when refused, its message tied to it by aria-describedby. */
export function TextField(props: TextFieldProps): JSX.Element {
  const message = messageAt(props.errors, props.id);
  const describedBy = [props.description ? `${props.id}-description` : '', message ? `${props.id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class="ds-field">
      <label class="ds-label" for={props.id} safe>
        {props.label}
      </label>
      {props.description && (
        <div data-field="description" id={`${props.id}-description`} safe>
          {props.description}
        </div>
      )}
      <input
        class="ds-input"
        id={props.id}
        name={props.id}
        type={props.type ?? 'text'}
        value={props.value === undefined ? undefined : String(props.value)}
        autocomplete={props.autocomplete}
        inputmode={props.inputmode}
        min={props.min === undefined ? undefined : String(props.min)}
        max={props.max === undefined ? undefined : String(props.max)}
        required={props.required}
        aria-invalid={message ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
      />
      {message && (
        <div class="ds-validation-message" data-field="validation" id={`${props.id}-error`} safe>
          {message}
        </div>
      )}
    </div>
  );
}
