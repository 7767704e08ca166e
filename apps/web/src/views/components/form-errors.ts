/** A message shown at one field of a form and, linked, in the error summary above it. */
export interface FieldMessage {
  /** The input's id on the page. */
  readonly field: string;
  readonly message: string;
}

export const messageAt = (errors: readonly FieldMessage[], field: string): string | undefined => errors.find((error) => error.field === field)?.message;
