import type { Projection, ProjectionSource } from '../../projections/src/index.js';
import type { Infrastructure } from './infrastructure.js';

export interface RebuildTarget<T = any> {
  readonly projection: Projection<T>;
  readonly source: ProjectionSource<T>;
  /** The live runner's checkpoint, for projections of the app's own event log. */
  readonly checkpoint?: string;
}

export type RebuildTargets = Record<string, (infra: Infrastructure) => RebuildTarget>;
