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
export function TextAreaField({ value, required, rows = '4', ...field }: TextAreaProps): JSX.Element {
  return (
    <Field
      {...field}
      control={(links) => (
        <textarea class="ds-input" id={field.id} name={field.id} rows={rows} required={required} {...links} safe>
          {value ?? ''}
        </textarea>
      )}
    />
  );
}
