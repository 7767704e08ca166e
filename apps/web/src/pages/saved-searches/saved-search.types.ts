/** A saved search as the messages app answers it (GET /messages/saved-searches). */
export interface SavedSearch {
  readonly searchId: string;
  readonly municipality: string | null;
  readonly district: string | null;
  readonly roomsMin: number | null;
  readonly roomsMax: number | null;
  readonly rentMin: number | null;
  readonly rentMax: number | null;
  readonly areaMin: number | null;
  readonly areaMax: number | null;
  readonly moveInFrom: string | null;
  readonly moveInTo: string | null;
  readonly listTypes: readonly string[];
  readonly alerts: 'immediate' | 'daily';
  readonly savedAt: string;
}

export const ALERT_MODES = ['immediate', 'daily'] as const;
