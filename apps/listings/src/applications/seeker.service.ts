import { Inject, Injectable } from '@nestjs/common';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { EventSourced } from '../listing/event-sourced.js';
import { seekerStream, type SeekerEvent } from '../listing/listing.events.js';
import { decideSeeker, evolveSeeker, initialSeekerState, type SeekerCommand, type SeekerState } from './seeker.decider.js';

/** One seeker's applications: the cap and the avhopp block are decided on this stream, so concurrent applies conflict and retry. */
@Injectable()
export class SeekerService extends EventSourced<SeekerState, SeekerCommand, SeekerEvent> {
  constructor(@Inject(INFRASTRUCTURE) infra: Infrastructure) {
    super(infra.store, seekerStream, decideSeeker, evolveSeeker, initialSeekerState);
  }
}
