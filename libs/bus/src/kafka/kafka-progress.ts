import type { KafkaMessage, Message } from 'kafkajs';
import { CONTRACTS } from '@bostadsko/contracts/registry';
import { comparePositions } from '@bostadsko/event-store';
import { sourceAppOf, type IntegrationMessage, type RelayProgress, type SourceProgressSink } from '../bus.port.js';
import { progressMarker, progressOf } from '../postgres/relay-progress.js';

/** Marks a record as a relay progress marker, so consumers and replays never take it for a message. */
const MARKER_HEADER = 'relay-progress';

/** The topics a source app publishes: its contracts, named `<app>.…`. */
export const topicsOf = (app: string) => [...CONTRACTS.keys()].filter((topic) => sourceAppOf(topic) === app);

/**
 * Kafka has no order across partitions, so the relay's progress goes after each
 * batch into every partition of every topic of its app: a consumer that has met a
 * marker in each partition it reads has applied everything published before it.
 */
export function progressRecords(progress: RelayProgress, partitions: number): Message[] {
  const value = JSON.stringify(progressMarker(progress));
  return Array.from({ length: partitions }, (_, partition) => ({ partition, key: null, value, headers: { [MARKER_HEADER]: '1' } }));
}

export const isMarkerRecord = (record: KafkaMessage) => record.headers?.[MARKER_HEADER] !== undefined;

/** A replay (rebuild) hands markers through, so its count of records adds up; the filter leaves them out. */
export const isProgressMarker = (message: IntegrationMessage) => message.key === 'relay-progress' && message.type.endsWith('.relay-progress');

/**
 * One consumer group's progress through its source apps' relays: the lowest
 * marker over every partition of each source's topics it reads, reported once
 * every partition has had one.
 */
export class GroupProgress {
  private readonly reached = new Map<string, Map<string, RelayProgress['position']>>();
  private readonly reports = new Map<string, (position: RelayProgress['position']) => void>();

  /** `partitions`: source app → the partitions (`topic/partition`) of its topics the group reads. */
  private constructor(private readonly partitions: ReadonlyMap<string, readonly string[]>) {}

  static async of(group: string, sink: SourceProgressSink | undefined, topics: readonly string[], partitionsOf: (topic: string) => Promise<number>): Promise<GroupProgress> {
    const partitions = new Map<string, string[]>();
    if (sink) {
      for (const topic of topics) {
        const source = sourceAppOf(topic);
        const count = await partitionsOf(topic);
        partitions.set(source, [...(partitions.get(source) ?? []), ...Array.from({ length: count }, (_, p) => `${topic}/${p}`)]);
      }
    }
    const progress = new GroupProgress(partitions);
    for (const source of partitions.keys()) progress.reports.set(source, sink!.track(source, group));
    return progress;
  }

  /** A marker met in a partition, after everything before it there was applied. */
  met(topic: string, partition: number, record: KafkaMessage): void {
    const source = sourceAppOf(topic);
    const report = this.reports.get(source);
    if (!report) return;
    const position = progressOf(JSON.parse(record.value?.toString('utf8') ?? 'null') as IntegrationMessage);
    const reached = this.reached.get(source) ?? new Map<string, RelayProgress['position']>();
    this.reached.set(source, reached);
    reached.set(`${topic}/${partition}`, position);
    const all = this.partitions.get(source)!;
    if (!all.every((key) => reached.has(key))) return;
    report(all.map((key) => reached.get(key)!).reduce((low, p) => (comparePositions(p, low) < 0 ? p : low)));
  }
}
