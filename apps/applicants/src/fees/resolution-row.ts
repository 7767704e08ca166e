import type { ResolutionDto } from './discrepancies.dto.js';

/** The resolution columns of a discrepancy row, null while it is open. */
export function resolutionOf(r: Record<string, string | null>): ResolutionDto | null {
  if (r.resolution === null) return null;
  const match = r.match_reference === null ? null : { reference: r.match_reference, applicantId: r.match_applicant_id ?? '', paymentId: r.match_payment_id ?? '' };
  return { resolution: r.resolution, note: r.note ?? '', resolvedBy: r.resolved_by ?? '', resolvedOn: r.resolved_on ?? '', match };
}
