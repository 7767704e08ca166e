import { Injectable, Logger } from '@nestjs/common';
import { ApiClient } from '../api/api-client.js';
import type { TrainingClock } from '../views/view.js';

interface ClockAnswer {
  readonly mode: 'training' | 'production';
  readonly businessDate: string;
  readonly offsetDays: number;
}

// Pages are rendered many times a second; the business date changes only when an administrator moves it.
const FRESH_MS = 2_000;

/** The training clock's business date for the banner on every page, when it differs from the real date. */
@Injectable()
export class TrainingClockBanner {
  private readonly logger = new Logger('training-clock');
  /** The answer, or the call still under way: while it is, every page waits on the same call. */
  private cached: { at: number; clock: Promise<TrainingClock | undefined> } | undefined;

  constructor(private readonly api: ApiClient) {}

  current(now = Date.now()): Promise<TrainingClock | undefined> {
    // One call per 2 s, not one per page in flight when the answer goes stale: under 100 concurrent pages
    // every expiry sent up to 100 calls to the applicants app at once, and those pages waited on all of them.
    if (this.cached && now - this.cached.at < FRESH_MS) return this.cached.clock;
    const clock = this.read();
    this.cached = { at: now, clock };
    return clock;
  }

  private async read(): Promise<TrainingClock | undefined> {
    try {
      const { body } = await this.api.get<ClockAnswer>('applicants', '/training-clock');
      return body.mode === 'training' && body.offsetDays > 0 ? { businessDate: body.businessDate } : undefined;
    } catch (error) {
      // The banner informs; a page must not fail because the clock could not be read.
      this.logger.warn(`training clock unreadable: ${(error as Error).message}`);
      return undefined;
    }
  }
}
