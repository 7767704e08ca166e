import type { NewEvent } from '@bostadsko/event-store';

/** What the benchmark does to each system under test, so every system runs the very same scenarios. */
export interface EventLog {
  /** Appends in one commit to `streamId`, which already holds `existing` events. */
  append(streamId: string, events: NewEvent[], existing: number): Promise<void>;
  /** Reads the whole log from its start, `pageSize` events per query; resolves to how many were read. */
  readAll(pageSize: number): Promise<number>;
  /** Writes dirty pages out now, so a scenario never pays for the checkpoint its predecessor caused. */
  checkpoint(): Promise<void>;
  close(): Promise<void>;
}

export type OpenEventLog = (url: string, connections: number) => Promise<EventLog>;
