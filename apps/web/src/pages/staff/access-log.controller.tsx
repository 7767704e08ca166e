import { Controller, Get, Param, ParseUUIDPipe, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiClient, type App } from '../../api/api-client.js';
import { ApiRefusal, ApiUnavailable } from '../../api/api-error.js';
import { PageContext } from '../../server/page-context.js';
import { seeOther, sendPage } from '../../server/responses.js';
import { accessReasonFor } from '../../server/session.js';
import { AccessLogPage } from './access-log.page.js';
import { staffNames } from './staff-names.js';
import { asStaff, requireStaff } from './staff-session.js';
import type { AccessLogEntry } from './staff.types.js';

const APPS: readonly App[] = ['applicants', 'listings', 'landlords', 'messages', 'statistics'];

/** Administrators follow up who read a person's data: every app's access log for the person, newest first. */
@Controller('handlaggare/sokande/:applicantId/atkomstlogg')
export class StaffAccessLogController {
  constructor(
    private readonly pages: PageContext,
    private readonly api: ApiClient,
  ) {}

  @Get()
  async accessLog(@Param('applicantId', ParseUUIDPipe) applicantId: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const staff = requireStaff(request, ['admin']);
    // Reading the log is itself a logged read: without a reason stated for the person, the seeker's page asks for one.
    if (!accessReasonFor(request, applicantId)) {
      seeOther(reply, `/handlaggare/sokande/${applicantId}`);
      return;
    }
    const call = asStaff(request, staff, applicantId);
    const answers = await Promise.all(
      APPS.map(async (app) => {
        try {
          return (await this.api.get<AccessLogEntry[]>(app, `/access-log/people/${applicantId}`, call)).body;
        } catch (error) {
          if (error instanceof ApiUnavailable) return app;
          // An app with no read of the person answers 404: nothing to list.
          if (error instanceof ApiRefusal && error.status === 404) return [];
          throw error;
        }
      }),
    );
    const reads = answers.filter((answer): answer is AccessLogEntry[] => Array.isArray(answer)).flat();
    const view = await this.pages.view(request, reply);
    const names = await staffNames(
      this.api,
      call,
      reads.map((read) => read.actor),
      view.locale,
    );
    sendPage(
      reply,
      <AccessLogPage
        view={view}
        applicantId={applicantId}
        names={names}
        reads={reads.sort((a, b) => b.readAt.localeCompare(a.readAt))}
        unavailable={answers.filter((answer): answer is App => typeof answer === 'string')}
      />,
    );
  }
}
