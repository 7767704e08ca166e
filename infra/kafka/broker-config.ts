export interface BrokerPorts {
  readonly client: number;
  readonly controller: number;
}

/**
 * A single-node KRaft broker (Kafka's quickstart shape): one process is both
 * broker and controller, with a static quorum of itself. Written before every
 * start, so the ports may change between runs of the same data.
 */
export function brokerConfig(ports: BrokerPorts, logDir: string): string {
  return [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${ports.controller}`,
    `listeners=PLAINTEXT://127.0.0.1:${ports.client},CONTROLLER://127.0.0.1:${ports.controller}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${ports.client}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    `log.dirs=${logDir}`,
    // One node: internal topics cannot have more replicas than that.
    'offsets.topic.replication.factor=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'share.coordinator.state.topic.replication.factor=1',
    'share.coordinator.state.topic.min.isr=1',
    // Fewer partitions for the internal offsets topic: a group coordinator loads in a second, not dozens.
    'offsets.topic.num.partitions=5',
    // Apps create their topics themselves (KafkaBus.ensureTopics); a topic made by a metadata request would race them.
    'auto.create.topics.enable=false',
    // Several partitions per topic, so per-key order is what is tested, not a single partition's total order.
    'num.partitions=3',
    // Rebuilds replay topics from their earliest offset: nothing is deleted by age (the default is 7 days), also
    // for topics made before the bus set retention.ms=-1 on those it creates.
    'log.retention.ms=-1',
    // No waiting for more members before the first assignment: apps and tests start one consumer per group.
    'group.initial.rebalance.delay.ms=0',
    '',
  ].join('\n');
}
