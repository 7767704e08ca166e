import type { IHeaders, KafkaMessage, Message } from 'kafkajs';
import type { IntegrationMessage } from '../bus.port.js';

export function toKafkaMessage(message: IntegrationMessage): Message {
  const headers: IHeaders = {
    'message-id': message.id,
    'message-type': message.type,
    'correlation-id': message.correlationId,
  };
  if (message.causationId !== null) headers['causation-id'] = message.causationId;
  return { key: message.key, value: JSON.stringify(message), headers };
}

type Decoded = { message: IntegrationMessage; unreadable?: undefined } | { message: IntegrationMessage; unreadable: Error };

/** Our value is the JSON message; anything else is kept as a dead letter under a synthetic id. */
export function decode(topic: string, partition: number, record: KafkaMessage): Decoded {
  const raw = record.value?.toString('utf8') ?? null;
  try {
    const message = JSON.parse(raw ?? 'null') as Partial<IntegrationMessage> | null;
    if (typeof message?.id === 'string' && typeof message.type === 'string' && typeof message.key === 'string') {
      return { message: message as IntegrationMessage };
    }
  } catch {
    // Falls through to the dead letter below.
  }
  return {
    message: {
      id: `kafka:${topic}/${partition}/${record.offset}`,
      type: topic,
      key: record.key?.toString('utf8') ?? '',
      payload: raw,
      correlationId: '',
      causationId: null,
      occurredAt: new Date(Number(record.timestamp)).toISOString(),
    },
    unreadable: new Error(`Not an integration message at ${topic}/${partition}/${record.offset}`),
  };
}
