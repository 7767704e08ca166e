import { Field } from './field.js';
import type { FieldMessage } from './form-errors.js';

interface TextAreaProps {
  readonly id: string;
  readonly label: string;
  readonly value?: string;
  readonly description?: string;
  readonly errors: readonly FieldMessage[];
  readonly required?: boolean;
  /** Room for a longer text, such as a case's description. */
  readonly rows?: '4' | '6';
}

/** A labelled multi-line text with its description and, when refused, its message. */
export function TextAreaField({ id, label, value, description, errors, required, rows = '4' }: TextAreaProps): JSX.Element {
  return (
    <Field
      id={id}
      label={label}
      description={description}
      errors={errors}
      control={(links) => (
        <textarea class="ds-input" id={id} name={id} rows={rows} required={required} {...links} safe>
          {value ?? ''}
        </textarea>
      )}
    />
  );
}
