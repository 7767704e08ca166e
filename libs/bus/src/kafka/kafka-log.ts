import { logLevel, type logCreator } from 'kafkajs';

/** What kafkajs logs per attempt and then retries: an error response (a coordinator still loading, a leader being elected), a refused connection. */
const retried = (namespace: string, message: string) =>
  (namespace === 'Connection' && (message.startsWith('Response') || message.startsWith('Connection error'))) || (namespace === 'BrokerPool' && message.startsWith('Failed to connect to seed broker'));

/**
 * kafkajs's warnings and errors as one line each on stderr, without those it
 * logs per attempt and then retries: when retries run out, the consumer's crash
 * or the caller's error says so once, so a broker outage is a line every few
 * seconds per client, not several per attempt.
 */
export const kafkaLog: logCreator =
  () =>
  ({ namespace, level, log: { message, timestamp: _timestamp, logger: _logger, ...extra } }) => {
    if (level > logLevel.WARN || retried(namespace, message)) return;
    console.warn(`kafkajs ${level === logLevel.ERROR ? 'error' : 'warning'}: [${namespace}] ${message} ${JSON.stringify(extra)}`);
  };
