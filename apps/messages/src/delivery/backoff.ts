/** Seconds before attempt `attempts + 1`: doubling from `after`, never more than `atMost`. */
export function retryDelaySeconds(attempts: number, after: number, atMost: number): number {
  return Math.min(atMost, after * 2 ** Math.min(Math.max(attempts - 1, 0), 30));
}
