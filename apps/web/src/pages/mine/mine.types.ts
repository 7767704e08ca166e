/** The seeker's account as the applicants app gives it to its owner. */
export interface Account {
  readonly applicantId: string;
  readonly status: string;
  readonly registeredOn: string;
  readonly queueStartDate: string | null;
  readonly queueDays: number;
  readonly personal: {
    readonly personnummer: string;
    readonly name: string;
    readonly email: string;
    readonly phone?: string;
    readonly address?: { street: string; postalCode: string; city: string };
  } | null;
}

export interface QueueTime {
  readonly asOf: string;
  readonly status: string;
  readonly queueStartDate: string | null;
  readonly queueDays: number;
}

export interface HistoryEntry {
  readonly type: string;
  readonly recordedAt: string;
  readonly actor: string;
  readonly data: Readonly<Record<string, unknown>>;
}

export interface Place {
  readonly place: number | null;
  readonly of: number;
  readonly final: boolean;
}

export interface Application {
  readonly applicationId: string;
  readonly listingId: string;
  readonly status: string;
  readonly submittedAt: string;
  readonly listing: { readonly address: string; readonly municipality: string; readonly district: string; readonly listingType: string; readonly applicationDeadline: string; readonly status: string };
  readonly place: Place | null;
}

/** Why a ranked place is what it is: those ahead by place and queue days only. */
export interface PlaceExplanation {
  readonly method: string;
  readonly ranked: boolean;
  readonly yourPlace: Place | null;
  readonly you?: Ranked;
  readonly ahead?: readonly Ranked[];
  readonly excludedFor?: readonly string[];
  readonly details?: readonly { code: string; message: string; required?: unknown; actual?: unknown }[];
  readonly lottery?: { readonly seed: string; readonly seedHash: string; readonly yourKey: string };
}

export interface Ranked {
  readonly place: number;
  readonly queueDays: number | null;
  readonly queueStartDate: string | null;
  readonly appliedAt: string;
}

/** The seeker's letting: invitation, answer, outcome. */
export interface Invitation {
  readonly place: number | null;
  readonly of: number;
  readonly invitation: { readonly slot: { startsAt: string; endsAt: string } | null; readonly answerBy: string; readonly answer: string; readonly answeredAt: string | null } | null;
  readonly outcome: string;
  readonly certificatesDue: string | null;
  readonly landlordsReason: string | null;
}

export interface Fees {
  readonly notices: readonly {
    readonly noticeId: string;
    readonly year: number;
    readonly amount: number;
    readonly dueDate: string;
    readonly payableFrom: string;
    readonly reference: string;
    readonly status: string;
    readonly outstanding: number;
    readonly paidOn: string | null;
    /** Unpaid after this value date, the account is deregistered and the queue time lost. */
    readonly lastPayDay: string;
  }[];
  readonly payments: readonly { readonly paymentId: string; readonly reference: string; readonly amount: number; readonly paidOn: string; readonly discrepancy: string | null }[];
  /** Payment discrepancies about the account that staff resolved: how, when and why. */
  readonly resolutions: readonly FeeResolution[];
}

export interface FeeResolution {
  readonly discrepancyId: string;
  readonly kind: string;
  readonly reason: string;
  readonly amount: number | null;
  readonly paidOn: string | null;
  readonly resolution: string;
  readonly note: string;
  readonly resolvedBy: string;
  readonly resolvedOn: string;
}
