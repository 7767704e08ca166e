import { EventSchemas, type DeciderHandler, type DeciderStream } from '@bostadsko/command-handling';
import { decideGuideline, evolveGuideline, initialGuideline, type ChangeGuideline, type GuidelineState } from './guideline.decider.js';
import { guidelineStream, type GuidelineEvent } from './guideline.events.js';

export const guidelineStreams: DeciderStream<ChangeGuideline, GuidelineEvent, GuidelineState> = {
  decider: { decide: decideGuideline, evolve: evolveGuideline, initialState: initialGuideline },
  streamId: (command) => guidelineStream(command.landlordId),
  schemas: new EventSchemas<GuidelineEvent>({ 'letting-guideline-changed': 1 }),
};

/** The handler of guideline streams, as the app injects it (GUIDELINES). */
export type Guidelines = DeciderHandler<ChangeGuideline, GuidelineEvent, GuidelineState>;
