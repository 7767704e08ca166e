import { Field } from './field.js';
import type { FieldMessage } from './form-errors.js';

interface ChoiceFieldProps {
  readonly id: string;
  readonly label: string;
  readonly options: readonly { readonly value: string; readonly label: string }[];
  readonly value?: string;
  readonly description?: string;
  readonly errors: readonly FieldMessage[];
}

/** A labelled select with its description and, when refused, its message tied to it by aria-describedby. */
export function ChoiceField({ options, value, ...field }: ChoiceFieldProps): JSX.Element {
  return (
    <Field
      {...field}
      control={(links) => (
        <select class="ds-input" id={field.id} name={field.id} {...links}>
          {options.map((option) => (
            <option value={option.value} selected={option.value === value} safe>
              {option.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}
