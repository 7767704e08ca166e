/** A letting command's answer and the letting's revision after it, for the ETag. */
export interface LettingAnswer<T> {
  readonly answer: T;
  readonly revision: bigint | undefined;
}
