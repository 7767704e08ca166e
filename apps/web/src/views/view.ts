import type { Flash, SeekerSession } from '../server/session.js';
import type { Locale, Translate } from '../i18n/locale.js';

/** The business date of the training clock, when it differs from the real date. */
export interface TrainingClock {
  readonly businessDate: string;
}

/** What every page needs besides its own data: language, CSRF token, who is signed in. */
export interface View {
  readonly locale: Locale;
  readonly t: Translate;
  readonly csrfToken: string;
  /** The current path and query, for the language switch and returning after sign-in. */
  readonly path: string;
  readonly seeker?: SeekerSession;
  /** A landlord user signed in to the landlords' section: the header offers that section and its sign-out. */
  readonly landlordSignedIn?: boolean;
  /** On the landlord portal's pages: how many of the landlord user's messages are unread (absent when unknown). */
  readonly landlordUnread?: number;
  /** Staff signed in to the back office: the header offers it and its sign-out instead of a seeker's. */
  readonly staffSignedIn?: boolean;
  /** Their roles, so the back office's menu offers only the sections they may open. */
  readonly staffRoles?: readonly string[];
  readonly flash?: Flash;
  readonly clock?: TrainingClock;
}
