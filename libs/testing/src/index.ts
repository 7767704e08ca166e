export { decidedEvents, deciderSpecification } from './decider-specification.js';
export { expectRebuildToEqualLive } from './rebuild-equals-live.js';
export { entityDrift } from './entities-match-tables.js';
