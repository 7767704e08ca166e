import { Inject, Injectable } from '@nestjs/common';
import { DeciderHandler, EventSchemas, type DeciderStream } from '@bostadsko/command-handling';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import type { SeekerEvent } from './seeker.events.js';
import { decideSeeker, evolveSeeker, initialSeekerState, type SeekerCommand, type SeekerState } from './seeker.decider.js';

/** A seeker's applications (`seekerStream(applicantId)`); its commands do not name it, so callers do. */
const seekerStreamType: DeciderStream<SeekerCommand, SeekerEvent, SeekerState> = {
  decider: { decide: decideSeeker, evolve: evolveSeeker, initialState: initialSeekerState },
  schemas: new EventSchemas<SeekerEvent>({ 'application-submitted': 1, 'application-withdrawn': 1, 'avhopp-recorded': 1 }),
};

/** One seeker's applications: the cap and the avhopp block are decided on this stream, so concurrent applies conflict and retry. */
@Injectable()
export class SeekerHandler extends DeciderHandler<SeekerCommand, SeekerEvent, SeekerState> {
  constructor(@Inject(INFRASTRUCTURE) infra: Infrastructure) {
    super(infra.store, seekerStreamType);
  }
}
