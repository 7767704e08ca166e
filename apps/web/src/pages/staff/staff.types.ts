/** What the applicants app answers to a staff search: the hits, and how it read the query. */
export interface SeekerSearch {
  readonly matchedBy: 'personnummer' | 'email' | 'name';
  readonly seekers: readonly SeekerHit[];
}

export interface SeekerHit {
  readonly applicantId: string;
  readonly name: string;
  readonly email: string;
}

/** A customer case of a seeker, as the applicants app lists them. */
export interface CustomerCase {
  readonly caseId: string;
  readonly channel: string;
  readonly subject: string;
  readonly description: string;
  readonly registeredBy: string;
  readonly registeredAt: string;
  readonly status: 'open' | 'answered';
  readonly answer?: string;
  readonly answeredAt?: string;
  /** The staff member who answered (an account id, shown by name). */
  readonly answeredBy?: string;
}

/** One staff read of a person's data, from an app's access log. */
export interface AccessLogEntry {
  readonly app: string;
  readonly readAt: string;
  readonly actor: string;
  readonly roles: readonly string[];
  readonly action: string;
  readonly reason: string;
}

/** A seeker's application as the listings app gives it in their register extract. */
export interface StaffApplication {
  readonly applicationId: string;
  readonly listingId: string;
  readonly status: string;
  readonly submittedAt: string;
  readonly listing?: { readonly address: string; readonly district: string; readonly applicationDeadline: string };
  readonly place?: { readonly place: number | null; readonly of: number };
}
