export * from './projection.js';
export { eventLogSource, busLogSource, replaySource } from './sources.js';
export { runProjection, ensureProjectionTable, checkpointName } from './projection-runner.js';
export { rebuildProjection } from './rebuild.js';
