import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@bostadsko/platform';
import { FailingAddresses, OutboxCountsQuery } from './delivery.queries.js';

/** For staff to follow up: addresses refused for good (the person must give a new one), and mail still waiting. */
@ApiTags('messages')
@ApiBearerAuth()
@Roles('staff', 'admin')
@Controller('messages/delivery')
export class DeliveryFailuresController {
  constructor(private readonly queries: QueryBus) {}

  @Get('failing-addresses')
  @ApiOkResponse({ description: 'People whose e-mail address was refused for good, latest first (the address itself is in the person’s extract)' })
  failing() {
    return this.queries.execute(new FailingAddresses());
  }

  @Get('outbox')
  @ApiOkResponse({ description: 'How many mails are pending, sent, failed or cancelled, and the oldest pending one' })
  outbox() {
    return this.queries.execute(new OutboxCountsQuery());
  }
}
