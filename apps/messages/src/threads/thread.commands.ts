import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { stockholmDate } from '@bostadsko/calendar';
import type { CommandContext } from '@bostadsko/command-handling';
import { Clock } from '@bostadsko/clock';
import { NotFound } from '@bostadsko/errors';
import type { PersonalDataVault } from '@bostadsko/personal-data';
import type { InboxQuery } from '../inbox/inbox.query.js';
import type { PersonMessages } from '../inbox/person-messages.stream.js';
import { INBOX, PERSON_MESSAGES, VAULT } from '../messages.tokens.js';
import { PolicyService } from '../policy/policy.service.js';
import type { MessageContent } from '../templates/message-facts.js';

/** The seeker replies to one of their messages about a letting; the answer names the reply and its thread. */
export class ReplyToMessage extends Command<{ replyId: string; threadId: string }> {
  constructor(
    readonly applicantId: string,
    readonly messageId: string,
    readonly text: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ReplyToMessage)
export class ReplyToMessageHandler implements ICommandHandler<ReplyToMessage, { replyId: string; threadId: string }> {
  constructor(
    @Inject(PERSON_MESSAGES) private readonly people: PersonMessages,
    @Inject(VAULT) private readonly vault: PersonalDataVault,
    private readonly clock: Clock,
  ) {}

  async execute({ applicantId, messageId, text, context }: ReplyToMessage): Promise<{ replyId: string; threadId: string }> {
    const body = await sealFor(this.vault, applicantId, text);
    const { events } = await this.people.handle({ applicantId, command: { type: 'reply', replyId: randomUUID(), messageId, body, now: this.clock.now().toISOString() } }, context);
    // A replayed request answers with the reply its first attempt recorded.
    const sent = events.find((e) => e.type === 'reply-sent');
    if (sent?.type !== 'reply-sent') throw new NotFound('No such message');
    return { replyId: sent.data.replyId, threadId: sent.data.threadId };
  }
}

/** Staff answer a seeker's thread: the answer lands in the seeker's inbox (and by e-mail unless they chose otherwise). */
export class AnswerThread extends Command<{ messageId: string }> {
  constructor(
    readonly applicantId: string,
    readonly threadId: string,
    readonly staffId: string,
    readonly text: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(AnswerThread)
export class AnswerThreadHandler implements ICommandHandler<AnswerThread, { messageId: string }> {
  constructor(
    @Inject(PERSON_MESSAGES) private readonly people: PersonMessages,
    @Inject(VAULT) private readonly vault: PersonalDataVault,
    @Inject(INBOX) private readonly inbox: InboxQuery,
    private readonly policy: PolicyService,
    private readonly clock: Clock,
  ) {}

  async execute({ applicantId, threadId, staffId, text, context }: AnswerThread): Promise<{ messageId: string }> {
    const now = this.clock.now();
    const [begun, policy] = await Promise.all([this.inbox.one(applicantId, threadId), this.policy.on(stockholmDate(now))]);
    if (!begun) throw new NotFound('No such thread');
    const answer: MessageContent = { kind: 'thread-answer', facts: { about: begun.subject, body: text } };
    const [content, body] = await Promise.all([sealFor(this.vault, applicantId, answer), sealFor(this.vault, applicantId, text)]);
    const messageId = randomUUID();
    const command = { type: 'answer-thread', threadId, messageId, staffId, email: policy.emailThreadAnswer === 1, content, body, now: now.toISOString() } as const;
    const { events } = await this.people.handle({ applicantId, command }, context);
    const answered = events.find((e) => e.type === 'thread-answered');
    return { messageId: answered?.type === 'thread-answered' ? answered.data.messageId : messageId };
  }
}

/** Sealed under the person's key; an erased person has none, and is no one to write to. */
async function sealFor(vault: PersonalDataVault, applicantId: string, value: unknown) {
  const [sealed] = await vault.sealEach([{ subject: applicantId, value }]);
  if (sealed instanceof Error) throw new NotFound('No such person in the messages app');
  return sealed;
}
