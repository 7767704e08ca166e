import type { RegisterExtractSection } from '@bostadsko/personal-data';
import type { ApiClient, App, Call } from '../../api/api-client.js';
import { ApiRefusal, ApiUnavailable } from '../../api/api-error.js';

export type { RegisterExtractSection } from '@bostadsko/personal-data';

/** Each app answers for the person at its own address (GDPR art. 15: everything held, in the whole system). */
const SECTIONS: ReadonlyArray<{ readonly app: App; readonly path: (applicantId: string) => string }> = [
  { app: 'applicants', path: (id) => `/applicants/${id}/extract` },
  { app: 'listings', path: (id) => `/listings/people/${id}/extract` },
  { app: 'landlords', path: (id) => `/landlords/people/${id}/extract` },
  { app: 'messages', path: (id) => `/messages/people/${id}/extract` },
  { app: 'statistics', path: (id) => `/statistics/people/${id}/extract` },
];

/** The whole register extract: one section per app, and the apps that did not answer (the page says so rather than showing less in silence). */
export interface RegisterExtract {
  readonly generatedAt: string;
  readonly applicantId: string;
  readonly sections: readonly RegisterExtractSection[];
  readonly unavailable: readonly App[];
}

export async function gatherExtract(api: ApiClient, applicantId: string, as: Pick<Call, 'token' | 'readAfter'>, now: Date): Promise<RegisterExtract> {
  const answers = await Promise.all(
    SECTIONS.map(async ({ app, path }) => {
      try {
        return (await api.get<RegisterExtractSection>(app, path(applicantId), as)).body;
      } catch (error) {
        if (error instanceof ApiUnavailable) return app;
        // An app that has never heard of the person (404) holds nothing about them: no section.
        if (error instanceof ApiRefusal && error.status === 404) return undefined;
        throw error;
      }
    }),
  );
  return {
    generatedAt: now.toISOString(),
    applicantId,
    sections: answers.filter((a): a is RegisterExtractSection => typeof a === 'object'),
    unavailable: answers.filter((a): a is App => typeof a === 'string'),
  };
}
