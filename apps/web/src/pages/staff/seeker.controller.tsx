import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiClient } from '../../api/api-client.js';
import { ApiRefusal } from '../../api/api-error.js';
import { PageContext } from '../../server/page-context.js';
import { seeOther, sendPage } from '../../server/responses.js';
import { accessReasonFor, rememberWrite, setFlash, stateAccessReason } from '../../server/session.js';
import { idempotencyKey } from '../landlord/landlord-session.js';
import { ReasonPage } from './reason.page.js';
import { reasonRefused, seekerData } from './seeker.query.js';
import { SeekerPage } from './seeker.page.js';
import { staffNames } from './staff-names.js';
import { FORM_FIELDS, postedValues, type RefusedForm, type SeekerFormName } from './seeker-forms.js';
import { asStaff, formText, requireStaff } from './staff-session.js';
import { staffProblems } from './staff-problems.js';
import { answerFieldOf } from './threads.section.js';

interface Write {
  readonly form: SeekerFormName;
  /** The app that decides, and the path of the command there. */
  readonly app: 'applicants' | 'messages';
  readonly path: string;
  readonly values: Record<string, string>;
  readonly fields: Readonly<Record<string, string>>;
  readonly done: 'staff.flash.decided' | 'staff.flash.transferred' | 'staff.flash.caseRegistered' | 'staff.flash.answered' | 'staff.flash.threadAnswered';
  /** A form whose fields mean something else than elsewhere on the page (staffProblems). */
  readonly scope?: string;
  readonly anchor: string;
}

/**
 * A seeker's page for staff, and the decisions taken on it. The reason stated for reading the person
 * goes with every read; the applicants app decides, and its refusals are shown at the form's fields.
 */
@Controller('handlaggare/sokande/:applicantId')
export class StaffSeekerController {
  constructor(
    private readonly pages: PageContext,
    private readonly api: ApiClient,
  ) {}

  @Get()
  async seeker(@Param('applicantId', ParseUUIDPipe) applicantId: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.render(request, reply, applicantId);
  }

  @Post('skal')
  async stateReason(@Param('applicantId', ParseUUIDPipe) applicantId: string, @Body() body: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    requireStaff(request);
    // Whether the reason will do is the apps' rule: the page's first read tells, and asks again if not.
    stateAccessReason(request, formText(body.skal), [applicantId]);
    seeOther(reply, `/handlaggare/sokande/${applicantId}`);
  }

  @Post('kobeslut')
  decide(@Param('applicantId', ParseUUIDPipe) applicantId: string, @Body() body: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const fields = FORM_FIELDS.decision;
    return this.write(request, reply, applicantId, {
      form: 'decision',
      app: 'applicants',
      path: `/applicants/${applicantId}/queue-decisions`,
      values: postedValues(body, fields),
      fields,
      done: 'staff.flash.decided',
      anchor: 'history-heading',
    });
  }

  @Post('overforing')
  transfer(@Param('applicantId', ParseUUIDPipe) applicantId: string, @Body() body: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const fields = FORM_FIELDS.transfer;
    return this.write(request, reply, applicantId, {
      form: 'transfer',
      app: 'applicants',
      path: `/applicants/${applicantId}/queue-transfers`,
      values: postedValues(body, fields),
      fields,
      done: 'staff.flash.transferred',
      anchor: 'history-heading',
    });
  }

  @Post('arenden')
  registerCase(@Param('applicantId', ParseUUIDPipe) applicantId: string, @Body() body: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const fields = FORM_FIELDS.case;
    return this.write(request, reply, applicantId, {
      form: 'case',
      app: 'applicants',
      path: `/applicants/${applicantId}/cases`,
      values: postedValues(body, fields),
      fields,
      done: 'staff.flash.caseRegistered',
      anchor: 'cases-heading',
    });
  }

  @Post('arenden/:caseId/svar')
  answerCase(
    @Param('applicantId', ParseUUIDPipe) applicantId: string,
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Body() body: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const fields = { answer: `sv-${caseId}` };
    return this.write(request, reply, applicantId, {
      form: `answer-${caseId}`,
      app: 'applicants',
      path: `/applicants/${applicantId}/cases/${caseId}/answer`,
      values: postedValues(body, fields),
      fields,
      done: 'staff.flash.answered',
      anchor: 'cases-heading',
    });
  }

  /** An answer to the seeker's thread: the messages app keeps it in the thread and the seeker's inbox, and mails it. */
  @Post('tradar/:threadId/svar')
  answerThread(
    @Param('applicantId', ParseUUIDPipe) applicantId: string,
    @Param('threadId', ParseUUIDPipe) threadId: string,
    @Body() body: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const fields = { text: answerFieldOf(threadId) };
    return this.write(request, reply, applicantId, {
      form: `thread-${threadId}`,
      app: 'messages',
      path: `/messages/people/${applicantId}/threads/${threadId}/answers`,
      values: postedValues(body, fields),
      fields,
      done: 'staff.flash.threadAnswered',
      anchor: 'threads-heading',
      scope: 'thread',
    });
  }

  private async write(request: FastifyRequest, reply: FastifyReply, applicantId: string, write: Write): Promise<void> {
    const staff = requireStaff(request);
    try {
      const answer = await this.api.post(write.app, write.path, {
        ...asStaff(request, staff, applicantId),
        idempotencyKey: idempotencyKey(request.body as Record<string, unknown>),
        body: write.values,
      });
      rememberWrite(request, answer.logPosition);
      setFlash(request, { kind: 'success', key: write.done });
      seeOther(reply, `/handlaggare/sokande/${applicantId}#${write.anchor}`);
    } catch (error) {
      if (!(error instanceof ApiRefusal) || error.status === 403 || error.status === 404) throw error;
      const view = await this.pages.view(request, reply);
      const refused: RefusedForm = { name: write.form, values: write.values, errors: staffProblems(error, view.locale, Object.values(write.fields)[0], write.fields, write.scope) };
      await this.render(request, reply, applicantId, refused, error.status);
    }
  }

  private async render(request: FastifyRequest, reply: FastifyReply, applicantId: string, refused?: RefusedForm, status = 200): Promise<void> {
    const staff = requireStaff(request);
    const view = await this.pages.view(request, reply);
    if (!accessReasonFor(request, applicantId)) {
      sendPage(reply, <ReasonPage view={view} applicantId={applicantId} errors={[]} />);
      return;
    }
    try {
      const call = asStaff(request, staff, applicantId);
      const data = await seekerData(this.api, call, applicantId);
      const names = await staffNames(
        this.api,
        call,
        [...data.history.map((entry) => entry.actor), ...data.fees.resolutions.map((r) => r.resolvedBy), ...data.cases.flatMap((c) => c.answeredBy ?? [])],
        view.locale,
      );
      sendPage(reply, <SeekerPage view={view} data={data} names={names} refused={refused} admin={staff.roles.includes('admin')} />, status);
    } catch (error) {
      if (!reasonRefused(error)) throw error;
      sendPage(reply, <ReasonPage view={view} applicantId={applicantId} errors={staffProblems(error, view.locale, 'skal', { 'X-Access-Reason': 'skal' })} />, 400);
    }
  }
}
