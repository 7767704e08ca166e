import { Body, Controller, Get, NotFoundException, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiClient } from '../../api/api-client.js';
import { ApiRefusal } from '../../api/api-error.js';
import type { MessageKey } from '../../i18n/sv.js';
import { PageContext } from '../../server/page-context.js';
import { seeOther, sendPage } from '../../server/responses.js';
import { rememberWrite, setFlash } from '../../server/session.js';
import { idempotencyKey } from '../landlord/landlord-session.js';
import { LandlordsPage } from './landlords.page.js';
import { LANDLORD_FORMS, type LandlordForm, type LandlordRow, type OrganisationUser, type StaffOrganisation } from './landlords.types.js';
import { StaffOrganisationPage } from './organisation.page.js';
import { postedValues, type RefusedForm } from './seeker-forms.js';
import { asStaff, requireStaff } from './staff-session.js';
import { staffProblems } from './staff-problems.js';

const STATUSES = ['interested', 'active', 'suspended', 'terminated'];

/** The decisions on an open agreement, by the word in the page's address. */
const AGREEMENT_ACTIONS: Readonly<Record<string, 'suspension' | 'reinstatement' | 'termination'>> = { avbrott: 'suspension', ateruppta: 'reinstatement', uppsagning: 'termination' };

const DONE: Readonly<Record<LandlordForm, MessageKey>> = {
  sign: 'staff.flash.agreementSigned',
  suspension: 'staff.flash.agreementChanged',
  reinstatement: 'staff.flash.agreementChanged',
  termination: 'staff.flash.agreementChanged',
  administrator: 'staff.flash.adminCreated',
};

/** Landlord organisations for staff: the list, one organisation, and the agency's decisions on its agreement and first administrator. */
@Controller('handlaggare/hyresvardar')
export class StaffLandlordsController {
  constructor(
    private readonly pages: PageContext,
    private readonly api: ApiClient,
  ) {}

  @Get()
  async list(@Query('status') status: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const staff = requireStaff(request);
    const chosen = STATUSES.find((candidate) => candidate === status);
    const answer = await this.api.get<LandlordRow[]>('landlords', '/landlords', { ...asStaff(request, staff), query: { status: chosen } });
    sendPage(reply, <LandlordsPage view={await this.pages.view(request, reply)} landlords={answer.body} status={chosen} />);
  }

  @Get(':landlordId')
  async organisation(@Param('landlordId', ParseUUIDPipe) landlordId: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.render(request, reply, landlordId);
  }

  @Post(':landlordId/avtal')
  sign(@Param('landlordId', ParseUUIDPipe) landlordId: string, @Body() body: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.write(request, reply, landlordId, 'sign', 'agreements', body);
  }

  @Post(':landlordId/avtal/:agreementId/:action')
  decide(
    @Param('landlordId', ParseUUIDPipe) landlordId: string,
    @Param('agreementId', ParseUUIDPipe) agreementId: string,
    @Param('action') action: string,
    @Body() body: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const form = AGREEMENT_ACTIONS[action];
    if (!form) throw new NotFoundException();
    return this.write(request, reply, landlordId, form, `agreements/${agreementId}/${form}`, body);
  }

  @Post(':landlordId/forsta-administrator')
  firstAdministrator(@Param('landlordId', ParseUUIDPipe) landlordId: string, @Body() body: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.write(request, reply, landlordId, 'administrator', 'users/first-administrator', body);
  }

  private async write(request: FastifyRequest, reply: FastifyReply, landlordId: string, form: LandlordForm, path: string, body: Record<string, unknown>): Promise<void> {
    const staff = requireStaff(request);
    const fields = LANDLORD_FORMS[form];
    const values = postedValues(body, fields);
    // A password is taken as typed: trimming would change it.
    if (form === 'administrator' && typeof body[LANDLORD_FORMS.administrator.password] === 'string') values.password = body[LANDLORD_FORMS.administrator.password] as string;
    try {
      const answer = await this.api.post('landlords', `/landlords/${landlordId}/${path}`, { ...asStaff(request, staff), idempotencyKey: idempotencyKey(body), body: values });
      rememberWrite(request, answer.logPosition);
      setFlash(request, { kind: 'success', key: DONE[form] });
      seeOther(reply, `/handlaggare/hyresvardar/${landlordId}`);
    } catch (error) {
      if (!(error instanceof ApiRefusal) || error.status === 403 || error.status === 404) throw error;
      const view = await this.pages.view(request, reply);
      const { password: _never, ...shown } = values;
      await this.render(request, reply, landlordId, { name: form, values: shown, errors: staffProblems(error, view.locale, Object.values(fields)[0], fields, 'landlord') }, error.status);
    }
  }

  private async render(request: FastifyRequest, reply: FastifyReply, landlordId: string, refused?: RefusedForm<LandlordForm>, status = 200): Promise<void> {
    const staff = requireStaff(request);
    const call = asStaff(request, staff);
    const [view, organisation, users] = await Promise.all([
      this.pages.view(request, reply),
      this.api.get<StaffOrganisation>('landlords', `/landlords/${landlordId}`, call),
      this.api.get<OrganisationUser[]>('landlords', `/landlords/${landlordId}/users`, call),
    ]);
    sendPage(reply, <StaffOrganisationPage view={view} organisation={organisation.body} users={users.body} refused={refused} />, status);
  }
}
