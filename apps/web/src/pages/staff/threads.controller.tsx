import { Controller, Get, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiClient } from '../../api/api-client.js';
import { PageContext } from '../../server/page-context.js';
import { sendPage } from '../../server/responses.js';
import { asStaff, requireStaff } from './staff-session.js';
import type { WaitingThread } from './threads.types.js';
import { WaitingThreadsPage } from './waiting-threads.page.js';

/** The seekers' questions waiting for staff; each is answered on the seeker's page. */
@Controller('handlaggare/fragor')
export class StaffThreadsController {
  constructor(
    private readonly pages: PageContext,
    private readonly api: ApiClient,
  ) {}

  @Get()
  async waiting(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const staff = requireStaff(request);
    const [view, threads] = await Promise.all([this.pages.view(request, reply), this.api.get<WaitingThread[]>('messages', '/messages/threads/waiting', asStaff(request, staff))]);
    sendPage(reply, <WaitingThreadsPage view={view} threads={threads.body} />);
  }
}
