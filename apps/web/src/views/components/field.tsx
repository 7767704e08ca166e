import type { FieldMessage } from './form-errors.js';
import { messageAt } from './form-errors.js';

/** The attributes that tie a control to its field's description and message; absent when there is none. */
export interface FieldLinks {
  readonly 'aria-invalid': 'true' | undefined;
  readonly 'aria-describedby': string | undefined;
}

interface FieldProps {
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  readonly errors: readonly FieldMessage[];
  /** The input, select or textarea itself; it spreads the links last, where every field has them. */
  readonly control: (links: FieldLinks) => JSX.Element;
}

/** A labelled control with its description and, when refused, its message tied to it by aria-describedby: every form field's frame. */
export function Field({ id, label, description, errors, control }: FieldProps): JSX.Element {
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
      {control({ 'aria-invalid': message ? 'true' : undefined, 'aria-describedby': describedBy || undefined })}
      {message && (
        <div class="ds-validation-message" data-field="validation" id={`${id}-error`} safe>
          {message}
        </div>
      )}
    </div>
  );
}
