import type { IntegrationMessage, RelayProgress } from '../bus.port.js';

/**
 * Relay progress travels in the bus log as a marker row after each relay batch,
 * on a topic per source app that no contract uses. Its key is shared by every
 * marker, which a partial index covers, so a consumer finds the last one quickly.
 */
export const PROGRESS_KEY = 'relay-progress';

export const progressTopic = (app: string) => `${app}.${PROGRESS_KEY}`;

interface ProgressPayload {
  readonly commit: string;
  readonly prepare: string;
}

export function progressMarker({ app, position }: RelayProgress): IntegrationMessage<ProgressPayload> {
  const payload = { commit: position.commit.toString(), prepare: position.prepare.toString() };
  return {
    // From the position, so a relay that republishes a batch after a crash adds no second marker.
    id: `${PROGRESS_KEY}:${app}:${payload.commit}-${payload.prepare}`,
    type: progressTopic(app),
    key: PROGRESS_KEY,
    payload,
    correlationId: PROGRESS_KEY,
    causationId: null,
    occurredAt: new Date().toISOString(),
  };
}

export function progressOf(marker: IntegrationMessage): RelayProgress['position'] {
  const { commit, prepare } = marker.payload as ProgressPayload;
  return { commit: BigInt(commit), prepare: BigInt(prepare) };
}
