import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { readDevMailbox, type KeptMail } from '@bostadsko/dev-mail';
import type { MessagesConfig } from '../messages.config.js';
import { MESSAGES_CONFIG } from '../messages.tokens.js';

/** The mails the local SMTP server kept, newest first; undefined where there is no development mailbox (production, or no folder configured). */
export class DevMailbox extends Query<KeptMail[] | undefined> {}

@QueryHandler(DevMailbox)
export class DevMailboxHandler implements IQueryHandler<DevMailbox, KeptMail[] | undefined> {
  constructor(@Inject(MESSAGES_CONFIG) private readonly config: MessagesConfig) {}

  async execute(): Promise<KeptMail[] | undefined> {
    const dir = this.config.DEV_MAILBOX_DIR;
    if (!dir || this.config.NODE_ENV === 'production') return undefined;
    return readDevMailbox(dir);
  }
}
