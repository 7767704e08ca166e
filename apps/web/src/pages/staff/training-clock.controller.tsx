import { Body, Controller, Get, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiClient } from '../../api/api-client.js';
import { ApiRefusal } from '../../api/api-error.js';
import { PageContext } from '../../server/page-context.js';
import { seeOther, sendPage } from '../../server/responses.js';
import { rememberWrite, setFlash } from '../../server/session.js';
import type { FieldMessage } from '../../views/components/form-errors.js';
import { idempotencyKey } from '../landlord/landlord-session.js';
import { typedNumber } from './form-number.js';
import { asStaff, formText, requireStaff } from './staff-session.js';
import { staffProblems } from './staff-problems.js';
import { CLOCK_FIELDS, TrainingClockPage, type ClockView } from './training-clock.page.js';

/**
 * The training clock for administrators: outside production they move every app's business date forward
 * (deadlines pass, closes and fee jobs run), as a course or a test walks a letting through in minutes.
 */
@Controller('handlaggare/ovningsklocka')
export class TrainingClockController {
  constructor(
    private readonly pages: PageContext,
    private readonly api: ApiClient,
  ) {}

  @Get()
  async clock(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    requireStaff(request, ['admin']);
    await this.render(request, reply, {}, []);
  }

  @Post()
  async move(@Body() body: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const staff = requireStaff(request, ['admin']);
    const form = { days: formText(body[CLOCK_FIELDS.days]), to: formText(body[CLOCK_FIELDS.to]) };
    // Only what was filled in is sent: the applicants app refuses both or neither at the date's field.
    const sent = { ...(form.days && { days: typedNumber(form.days) }), ...(form.to && { to: form.to }) };
    try {
      const answer = await this.api.post('applicants', '/training-clock', { ...asStaff(request, staff), idempotencyKey: idempotencyKey(body), body: sent });
      rememberWrite(request, answer.logPosition);
      setFlash(request, { kind: 'success', key: 'staff.flash.clockMoved' });
      seeOther(reply, '/handlaggare/ovningsklocka');
    } catch (error) {
      if (!(error instanceof ApiRefusal) || error.status === 403) throw error;
      const view = await this.pages.view(request, reply);
      await this.render(request, reply, form, staffProblems(error, view.locale, CLOCK_FIELDS.days, { days: CLOCK_FIELDS.days, to: CLOCK_FIELDS.to }, 'clock'), error.status);
    }
  }

  private async render(request: FastifyRequest, reply: FastifyReply, form: Readonly<Record<string, string>>, errors: FieldMessage[], status = 200): Promise<void> {
    const [view, clock] = await Promise.all([this.pages.view(request, reply), this.api.get<ClockView>('applicants', '/training-clock')]);
    sendPage(reply, <TrainingClockPage view={view} clock={clock.body} form={form} errors={errors} />, status);
  }
}
