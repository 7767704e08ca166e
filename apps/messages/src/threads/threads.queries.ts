import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { THREADS } from '../messages.tokens.js';
import type { MessageThread, Thread, ThreadsQuery, WaitingThread } from './threads.query.js';

/** A person's threads, newest word first. */
export class ThreadsOfPerson extends Query<Thread[]> {
  constructor(readonly applicantId: string) {
    super();
  }
}

/** The thread one of a person's messages belongs to; undefined when they have no such message. */
export class MessageThreadOf extends Query<MessageThread | undefined> {
  constructor(
    readonly applicantId: string,
    readonly messageId: string,
  ) {
    super();
  }
}

/** The threads waiting for staff's answer. */
export class WaitingThreads extends Query<WaitingThread[]> {}

@QueryHandler(ThreadsOfPerson)
export class ThreadsOfPersonHandler implements IQueryHandler<ThreadsOfPerson, Thread[]> {
  constructor(@Inject(THREADS) private readonly threads: ThreadsQuery) {}

  execute({ applicantId }: ThreadsOfPerson): Promise<Thread[]> {
    return this.threads.ofPerson(applicantId);
  }
}

@QueryHandler(MessageThreadOf)
export class MessageThreadOfHandler implements IQueryHandler<MessageThreadOf, MessageThread | undefined> {
  constructor(@Inject(THREADS) private readonly threads: ThreadsQuery) {}

  execute({ applicantId, messageId }: MessageThreadOf): Promise<MessageThread | undefined> {
    return this.threads.ofMessage(applicantId, messageId);
  }
}

@QueryHandler(WaitingThreads)
export class WaitingThreadsHandler implements IQueryHandler<WaitingThreads, WaitingThread[]> {
  constructor(@Inject(THREADS) private readonly threads: ThreadsQuery) {}

  execute(): Promise<WaitingThread[]> {
    return this.threads.waiting();
  }
}
