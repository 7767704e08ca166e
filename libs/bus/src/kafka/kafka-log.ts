import { logLevel, type logCreator } from 'kafkajs';

/**
 * kafkajs's warnings and errors as one line each on stderr, without the error
 * responses it logs per request and then retries (a coordinator still loading,
 * a leader being elected): when retries run out, the consumer's crash or the
 * caller's error says so once.
 */
export const kafkaLog: logCreator =
  () =>
  ({ namespace, level, log: { message, timestamp: _timestamp, logger: _logger, ...extra } }) => {
    if (level > logLevel.WARN || (namespace === 'Connection' && message.startsWith('Response'))) return;
    console.warn(`kafkajs ${level === logLevel.ERROR ? 'error' : 'warning'}: [${namespace}] ${message} ${JSON.stringify(extra)}`);
  };
