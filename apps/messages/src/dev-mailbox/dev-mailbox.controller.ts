import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { readDevMailbox, type KeptMail } from '@bostadsko/dev-mail';
import { NotFound, Public } from '@bostadsko/platform';
import type { MessagesConfig } from '../messages.config.js';
import { MESSAGES_CONFIG } from '../messages.tokens.js';

/**
 * The development mailbox: every mail the local SMTP server of `npm start` kept,
 * newest first, so a newcomer sees what the system sends. Open without sign-in,
 * hence refused in production and wherever no such folder is configured.
 */
@ApiTags('development')
@Controller('dev/mailbox')
export class DevMailboxController {
  constructor(@Inject(MESSAGES_CONFIG) private readonly config: MessagesConfig) {}

  @Get()
  @Public()
  @ApiOkResponse({ description: 'Kept mails, newest first (development only)' })
  async list(): Promise<KeptMail[]> {
    const dir = this.config.DEV_MAILBOX_DIR;
    if (!dir || this.config.NODE_ENV === 'production') throw new NotFound('There is no development mailbox here');
    return readDevMailbox(dir);
  }
}
