import { randomUUID } from 'node:crypto';
import type { View } from '../view.js';

/** Every form's CSRF token, and an idempotency key so a double-clicked submit does its work once. */
export function FormTokens({ view }: { view: View }): JSX.Element {
  return (
    <>
      <input type="hidden" name="_csrf" value={view.csrfToken} />
      <input type="hidden" name="_idem" value={randomUUID()} />
    </>
  );
}
