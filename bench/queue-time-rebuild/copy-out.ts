import type pg from 'pg';

/**
 * `COPY ... TO STDOUT` through pg's custom-query hook (what pg-cursor and
 * pg-copy-streams build on), since pg-copy-streams is not installed. pg hands
 * over each CopyData message, which PostgreSQL sends one per row, as it is
 * parsed from the socket: `onData` runs synchronously on it, so a slow
 * consumer holds back the socket instead of buffering the table in memory.
 */
export function copyOut(client: pg.ClientBase, sql: string, onData: (chunk: Buffer) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let failed: unknown;
    const query = {
      submit: (connection: pg.Connection) => connection.query(sql),
      handleCopyData: (message: { chunk: Buffer }) => {
        if (failed !== undefined) return;
        try {
          onData(message.chunk);
        } catch (error) {
          // The server keeps sending until the end; the rest is dropped and the error reported then.
          failed = error;
        }
      },
      handleCommandComplete: () => undefined,
      handleReadyForQuery: () => (failed === undefined ? resolve() : reject(failed)),
      handleError: (error: Error) => reject(error),
      handleEmptyQuery: () => undefined,
      handleRowDescription: () => undefined,
      handleDataRow: () => reject(new Error('copyOut is for COPY ... TO STDOUT only')),
    };
    client.query(query);
  });
}
