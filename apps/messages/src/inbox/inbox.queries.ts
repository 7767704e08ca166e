import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { INBOX } from '../messages.tokens.js';
import type { InboxMessage, InboxQuery } from './inbox.query.js';

/** A person's messages, newest first. */
export class ListInbox extends Query<InboxMessage[]> {
  constructor(readonly applicantId: string) {
    super();
  }
}

/** One message of a person's; undefined when they have no such message. */
export class InboxMessageOf extends Query<InboxMessage | undefined> {
  constructor(
    readonly applicantId: string,
    readonly messageId: string,
  ) {
    super();
  }
}

@QueryHandler(ListInbox)
export class ListInboxHandler implements IQueryHandler<ListInbox, InboxMessage[]> {
  constructor(@Inject(INBOX) private readonly inbox: InboxQuery) {}

  execute({ applicantId }: ListInbox): Promise<InboxMessage[]> {
    return this.inbox.list(applicantId);
  }
}

@QueryHandler(InboxMessageOf)
export class InboxMessageOfHandler implements IQueryHandler<InboxMessageOf, InboxMessage | undefined> {
  constructor(@Inject(INBOX) private readonly inbox: InboxQuery) {}

  execute({ applicantId, messageId }: InboxMessageOf): Promise<InboxMessage | undefined> {
    return this.inbox.one(applicantId, messageId);
  }
}
