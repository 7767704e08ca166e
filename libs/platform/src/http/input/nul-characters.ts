import type { FieldError } from '@bostadsko/errors';

/**
 * The fields of a request's input that hold a NUL character (U+0000), named as
 * validation errors name them (`address.street`, `rooms.0`). PostgreSQL cannot
 * store NUL in text, so such input would fail as a 500 when written or even
 * compared; it is refused up front instead. Keys are checked as well as values.
 * Iterative, so input of any depth is walked without recursion.
 */
export function nulCharacterFields(input: unknown, root: string): FieldError[] {
  const fields: string[] = [];
  const pending: [unknown, string][] = [[input, '']];
  while (pending.length > 0) {
    const [value, path] = pending.pop()!;
    if (typeof value === 'string' || Buffer.isBuffer(value)) {
      if (value.includes('\u0000')) fields.push(path || root);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        const field = path ? `${path}.${key}` : key;
        if (key.includes('\u0000')) fields.push(field.replaceAll('\u0000', '\\u0000'));
        else pending.push([inner, field]);
      }
    }
  }
  return fields.map((field) => ({ field, messages: [`${field} must not contain the NUL character (\\u0000)`] }));
}
