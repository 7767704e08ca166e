import { Body, Controller, Get, NotFoundException, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiClient, type Call } from '../../api/api-client.js';
import { ApiRefusal } from '../../api/api-error.js';
import { PageContext } from '../../server/page-context.js';
import { seeOther, sendPage } from '../../server/responses.js';
import { rememberWrite, setFlash } from '../../server/session.js';
import type { StaffSession } from '../../server/session.js';
import { idempotencyKey } from '../landlord/landlord-session.js';
import { typedNumber } from './form-number.js';
import { PolicyPage } from './policy.page.js';
import { staffNames } from './staff-names.js';
import { POLICY_APPS, type PolicyApp, type PolicyChange } from './policy.types.js';
import { asStaff, formText, requireStaff } from './staff-session.js';
import { staffProblems } from './staff-problems.js';

const FIELDS = ['setting', 'value', 'effectiveFrom', 'reason'] as const;

function policyApp(candidate: string): PolicyApp {
  const app = POLICY_APPS.find((known) => known === candidate);
  if (!app) throw new NotFoundException();
  return app;
}

/** Each app's rules as it publishes them; an administrator schedules a change, which the app validates (limits, not in the past). */
@Controller('handlaggare/regler')
export class StaffPolicyController {
  constructor(
    private readonly pages: PageContext,
    private readonly api: ApiClient,
  ) {}

  @Get()
  index(@Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    requireStaff(request);
    seeOther(reply, `/handlaggare/regler/${POLICY_APPS[0]}`);
  }

  @Get(':app')
  async policy(@Param('app') candidate: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const staff = requireStaff(request);
    await this.render(request, reply, staff, policyApp(candidate), {}, []);
  }

  @Post(':app')
  async change(@Param('app') candidate: string, @Body() body: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const staff = requireStaff(request, ['admin']);
    const app = policyApp(candidate);
    const form = Object.fromEntries(FIELDS.map((field) => [field, formText(body[field])]));
    try {
      const answer = await this.api.post(app, `/${app}/policy/changes`, { ...asStaff(request, staff), idempotencyKey: idempotencyKey(body), body: { ...form, value: typedNumber(form.value) } });
      rememberWrite(request, answer.logPosition);
      setFlash(request, { kind: 'success', key: 'staff.flash.policyChanged' });
      seeOther(reply, `/handlaggare/regler/${app}`);
    } catch (error) {
      if (!(error instanceof ApiRefusal) || error.status === 403) throw error;
      const view = await this.pages.view(request, reply);
      await this.render(request, reply, staff, app, form, staffProblems(error, view.locale, 'setting', {}, 'policy'), error.status);
    }
  }

  private async render(
    request: FastifyRequest,
    reply: FastifyReply,
    staff: StaffSession,
    app: PolicyApp,
    form: Record<string, string>,
    errors: ReturnType<typeof staffProblems>,
    status = 200,
  ): Promise<void> {
    const call: Call = asStaff(request, staff);
    const [view, inForce, changes] = await Promise.all([
      this.pages.view(request, reply),
      this.api.get<Record<string, number | string>>(app, `/${app}/policy`, call),
      this.api.get<PolicyChange[]>(app, `/${app}/policy/changes`, call),
    ]);
    const { on, ...settings } = inForce.body;
    const values = Object.fromEntries(Object.entries(settings).filter((entry): entry is [string, number] => typeof entry[1] === 'number'));
    const names = await staffNames(
      this.api,
      call,
      changes.body.map((change) => change.decidedBy),
      view.locale,
    );
    sendPage(
      reply,
      <PolicyPage view={view} app={app} inForce={values} on={String(on)} changes={changes.body} names={names} admin={staff.roles.includes('admin')} form={form} errors={errors} />,
      status,
    );
  }
}
