/** What an event stores instead of personal data: readable only while the person's key exists. */
export interface Sealed {
  readonly subject: string;
  readonly iv: string;
  readonly tag: string;
  readonly data: string;
}
