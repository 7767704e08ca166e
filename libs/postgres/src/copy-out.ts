import type pg from 'pg';

/**
 * `COPY ... TO STDOUT` through pg's custom-query hook (what pg-cursor and
 * pg-copy-streams build on). pg hands over each CopyData message, which
 * PostgreSQL sends one per row, as it is parsed from the socket, so `onData`
 * sees whole rows (pg-copy-streams' `to` re-chunks them). When `onData`
 * returns a promise the socket is paused until it settles: a slow consumer
 * holds back the server instead of buffering the table in memory.
 */
export function copyOut(client: pg.ClientBase, sql: string, onData: (chunk: Buffer) => Promise<void> | void): Promise<void> {
  // pg keeps the socket on the client's connection; pausing it is the only back-pressure COPY OUT has.
  const socket = (client as unknown as { connection: { stream: { pause(): void; resume(): void } } }).connection.stream;
  return new Promise((resolve, reject) => {
    let failed: unknown;
    let waiting = 0;
    const fail = (error: unknown) => {
      failed ??= error;
    };
    const query = {
      submit: (connection: pg.Connection) => connection.query(sql),
      handleCopyData: (message: { chunk: Buffer }) => {
        if (failed !== undefined) return;
        try {
          const pending = onData(message.chunk);
          if (!pending) return;
          if (waiting++ === 0) socket.pause();
          pending.then(
            () => --waiting === 0 && socket.resume(),
            (error: unknown) => {
              fail(error);
              if (--waiting === 0) socket.resume();
            },
          );
        } catch (error) {
          // The server keeps sending until the end; the rest is dropped and the error reported then.
          fail(error);
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

/** 'PGCOPY\n\xff\r\n\0', then 32-bit flags and a header-extension length. */
const SIGNATURE_LENGTH = 11;

/**
 * Splits binary COPY output into rows of fields: each field is the [start, end)
 * of its bytes in the chunk, or null. The offsets array is reused between rows.
 */
export function binaryRows(onRow: (chunk: Buffer, fields: Int32Array) => void, fieldCount: number): (chunk: Buffer) => void {
  const fields = new Int32Array(fieldCount * 2);
  let headerSeen = false;
  return (chunk) => {
    let at = 0;
    if (!headerSeen) {
      headerSeen = true;
      at = SIGNATURE_LENGTH + 4;
      at += 4 + chunk.readInt32BE(at);
    }
    // Usually one row per message; the header shares the first, the trailer (-1) comes alone.
    while (at < chunk.length) {
      const count = chunk.readInt16BE(at);
      if (count === -1) return;
      at += 2;
      for (let i = 0; i < count; i++) {
        const length = chunk.readInt32BE(at);
        at += 4;
        fields[2 * i] = length < 0 ? -1 : at;
        fields[2 * i + 1] = length < 0 ? -1 : at + length;
        if (length > 0) at += length;
      }
      onRow(chunk, fields);
    }
  };
}

/**
 * Decodes a text field that usually repeats the previous row's (a stream id
 * when reading stream by stream): comparing bytes is cheaper than building a
 * new string for each of millions of rows.
 */
export function repeatedText(): (chunk: Buffer, start: number, end: number) => string {
  let bytes = Buffer.alloc(0);
  let text = '';
  return (chunk, start, end) => {
    if (end - start !== bytes.length || chunk.compare(bytes, 0, bytes.length, start, end) !== 0) {
      bytes = Buffer.from(chunk.subarray(start, end));
      text = bytes.toString('utf8');
    }
    return text;
  };
}
