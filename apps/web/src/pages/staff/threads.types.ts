/** A seeker's thread as the messages app answers staff (GET /messages/people/{id}/threads). */
export interface SeekerThread {
  readonly threadId: string;
  readonly about: string;
  readonly waiting: boolean;
  readonly entries: ReadonlyArray<{ readonly entryId: string; readonly from: 'seeker' | 'staff'; readonly text: string; readonly at: string }>;
}

/** A thread waiting for staff (GET /messages/threads/waiting). */
export interface WaitingThread {
  readonly threadId: string;
  readonly applicantId: string;
  readonly about: string;
  readonly waitingSince: string;
}
