import { Field } from './field.js';
import type { FieldMessage } from './form-errors.js';

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
  return (
    <Field
      {...props}
      control={(links) => (
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
          {...links}
        />
      )}
    />
  );
}
