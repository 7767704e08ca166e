import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { KeptMail } from '@bostadsko/dev-mail';
import { NotFound, Public } from '@bostadsko/platform';
import { DevMailbox } from './dev-mailbox.query.js';

/**
 * The development mailbox: every mail the local SMTP server of `npm start` kept,
 * newest first, so a newcomer sees what the system sends. Open without sign-in,
 * hence refused in production and wherever no such folder is configured.
 */
@ApiTags('development')
@Controller('dev/mailbox')
export class DevMailboxController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Public()
  @ApiOkResponse({ description: 'Kept mails, newest first (development only)' })
  async list(): Promise<KeptMail[]> {
    const mails = await this.queries.execute(new DevMailbox());
    if (!mails) throw new NotFound('There is no development mailbox here');
    return mails;
  }
}
