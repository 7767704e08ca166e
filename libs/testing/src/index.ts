export { decidedEvents, deciderSpecification } from './decider-specification.js';
