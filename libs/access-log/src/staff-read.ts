import { applyDecorators, Injectable, SetMetadata, UseInterceptors, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiHeader } from '@nestjs/swagger';
import { concatMap, from, map, type Observable } from 'rxjs';
import { InvalidRequest } from '@bostadsko/errors';
import { userOf, type AuthenticatedUser } from '@bostadsko/platform';
import { AccessLog } from './access-log.js';

const ACCESS_REASON_HEADER = 'X-Access-Reason';
const PERSON_PARAM = 'access-log:person-param';
const FOUND_PEOPLE = 'access-log:found-people';
const STAFF_ROLES: readonly string[] = ['staff', 'admin'];
const REASON_LENGTH = { min: 3, max: 500 };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface RoutedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly params?: Record<string, string>;
  readonly routeOptions?: { readonly url?: string };
}

/** The person reading their own data is not logged; staff reading anyone's is. */
const readsAsStaff = (user: AuthenticatedUser | undefined, personId: string): user is AuthenticatedUser => !!user && user.id !== personId && user.roles.some((role) => STAFF_ROLES.includes(role));

/**
 * The reason staff stated for a read, or 400 naming the header. Header values are Latin-1 on the wire:
 * a reason in Swedish may come percent-encoded.
 */
function statedReason(header: string | string[] | undefined): string {
  const raw = (Array.isArray(header) ? header[0] : header)?.trim() ?? '';
  let reason = raw;
  try {
    reason = decodeURIComponent(raw).trim();
  } catch {
    // Not percent-encoded: taken as sent.
  }
  if (reason.length >= REASON_LENGTH.min && reason.length <= REASON_LENGTH.max && !reason.includes('\u0000')) return reason;
  throw new InvalidRequest(
    [{ field: ACCESS_REASON_HEADER, messages: [`must state why, ${REASON_LENGTH.min} to ${REASON_LENGTH.max} characters (e.g. a case number)`] }],
    `Staff must state why they read a person's data, in the ${ACCESS_REASON_HEADER} header; every such read is logged and shown to the person.`,
  );
}

/** Logs a staff read of the person named by the route parameter once it has answered; refuses it without a reason. */
@Injectable()
export class StaffReadInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly log: AccessLog,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<RoutedRequest>();
    const param = this.reflector.get<string>(PERSON_PARAM, context.getHandler()) ?? this.reflector.get<string>(PERSON_PARAM, context.getClass());
    const personId = request.params?.[param];
    const user = userOf(request);
    // A malformed id names nobody: the route's pipe refuses it.
    if (!personId || !UUID.test(personId) || !readsAsStaff(user, personId)) return next.handle();
    const reason = statedReason(request.headers[ACCESS_REASON_HEADER.toLowerCase()]);
    const action = `${request.method} ${request.routeOptions?.url ?? request.url.split('?')[0]}`;
    // Logged once the read has answered: a read that found nobody (404) or was refused read nothing about anyone.
    return next.handle().pipe(concatMap((answer) => from(this.log.record({ subject: personId, actor: user.id, roles: user.roles, action, reason })).pipe(map(() => answer))));
  }
}

/**
 * Marks a read of one person's data (the person's id in route parameter `param`):
 * staff must send `X-Access-Reason`, and the read is kept in the access log the
 * person sees in their register extract.
 */
export const StaffRead = (param = 'applicantId') =>
  applyDecorators(
    SetMetadata(PERSON_PARAM, param),
    UseInterceptors(StaffReadInterceptor),
    ApiHeader({ name: ACCESS_REASON_HEADER, required: false, description: 'Required for staff: why they read this person’s data (logged, shown to the person). Percent-encode non-ASCII text.' }),
  );

type FoundPeople = (answer: unknown) => readonly string[];

/** Logs a staff search as a read of each person it found, once it has answered; refuses it without a reason before searching. */
@Injectable()
export class StaffSearchInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly log: AccessLog,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<RoutedRequest>();
    const found = this.reflector.get<FoundPeople>(FOUND_PEOPLE, context.getHandler());
    const user = userOf(request);
    if (!user) return next.handle();
    const reason = statedReason(request.headers[ACCESS_REASON_HEADER.toLowerCase()]);
    const action = `${request.method} ${request.routeOptions?.url ?? request.url.split('?')[0]}`;
    return next.handle().pipe(
      concatMap((answer) =>
        from(
          (async () => {
            for (const subject of found(answer)) await this.log.record({ subject, actor: user.id, roles: user.roles, action, reason });
            return answer;
          })(),
        ),
      ),
    );
  }
}

/**
 * Marks a staff search that shows people's data (names): every person `found` in the answer is logged as read,
 * under the reason staff must send in `X-Access-Reason`, and shown to them in their register extract.
 */
export const StaffSearch = <Answer>(found: (answer: Answer) => readonly string[]) => applyDecorators(SetMetadata(FOUND_PEOPLE, found), UseInterceptors(StaffSearchInterceptor));
