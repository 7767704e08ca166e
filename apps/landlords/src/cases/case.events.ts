export type CaseCategory = 'improvement' | 'question' | 'integration' | 'system';
export const CASE_CATEGORIES: readonly CaseCategory[] = ['improvement', 'question', 'integration', 'system'];

export type CaseSide = 'landlord' | 'agency';

/** A case from a landlord (process 3.2.2), in stream `landlord_case-<caseId>`: organisational correspondence. */
export type CaseEvent =
  | {
      readonly type: 'landlord-case-registered';
      readonly data: {
        readonly caseId: string;
        readonly landlordId: string;
        readonly category: CaseCategory;
        readonly subject: string;
        readonly description: string;
        readonly registeredBy: string;
        readonly at: string;
      };
    }
  | {
      readonly type: 'landlord-case-message-added';
      readonly data: { readonly caseId: string; readonly landlordId: string; readonly from: CaseSide; readonly text: string; readonly by: string; readonly at: string };
    }
  | { readonly type: 'landlord-case-answered'; readonly data: { readonly caseId: string; readonly landlordId: string; readonly answer: string; readonly answeredBy: string; readonly at: string } }
  | { readonly type: 'landlord-case-closed'; readonly data: { readonly caseId: string; readonly landlordId: string; readonly resolution: string; readonly closedBy: string; readonly at: string } };

export const CASE_STREAM_PREFIX = 'landlord_case-';
export const caseStream = (caseId: string) => `${CASE_STREAM_PREFIX}${caseId}`;
