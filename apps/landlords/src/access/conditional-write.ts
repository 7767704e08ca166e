import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { IncomingHttpHeaders } from 'node:http';
import type { Reply } from '../shared/context.js';
import { callerOf, type Caller } from './caller.js';

/** A write as it was asked: by whom, on which revision (the `If-Match` sent, if any), and the reply that carries the new `ETag`. */
export interface Write {
  readonly caller: Caller;
  readonly ifMatch: string | undefined;
  readonly reply: Reply;
}

/** The write's caller, `If-Match` and reply in one argument; the header is parsed, and may be refused, where the write is made. */
export const Write = createParamDecorator((_data: unknown, context: ExecutionContext): Write => {
  const http = context.switchToHttp();
  return { caller: callerOf(context), ifMatch: http.getRequest<{ headers: IncomingHttpHeaders }>().headers['if-match'], reply: http.getResponse<Reply>() };
});
