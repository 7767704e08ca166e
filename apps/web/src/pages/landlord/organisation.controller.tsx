import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiClient } from '../../api/api-client.js';
import { ApiRefusal } from '../../api/api-error.js';
import { PageContext } from '../../server/page-context.js';
import { seeOther, sendPage } from '../../server/responses.js';
import { rememberWrite, setFlash } from '../../server/session.js';
import { landlordProblems } from './landlord-problems.js';
import { asLandlord, formText, idempotencyKey, requireLandlord } from './landlord-session.js';
import { USER_ROLES, type UserRole } from './landlord.types.js';
import { noticesOf } from './notices.query.js';
import { organisationData } from './organisation.query.js';
import { OrganisationPage } from './organisation.page.js';
import type { UserForm } from './users.section.js';

/**
 * The organisation's page and its users. The organisation is always the signed-in user's
 * own, from the session, never from the address; the landlords app decides who may add or remove.
 */
@Controller('hyresvard')
export class LandlordOrganisationController {
  constructor(
    private readonly pages: PageContext,
    private readonly api: ApiClient,
  ) {}

  @Get()
  async organisation(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const landlord = requireLandlord(request);
    const call = asLandlord(request, landlord);
    const [view, data, notices] = await Promise.all([this.pages.view(request, reply), organisationData(this.api, call, landlord.landlordId), noticesOf(this.api, call, landlord.landlordId)]);
    sendPage(reply, <OrganisationPage view={view} data={data} notices={notices} userForm={{}} errors={[]} />);
  }

  @Post('anvandare')
  async addUser(@Body() body: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const landlord = requireLandlord(request);
    const role = USER_ROLES.find((candidate) => candidate === body.role);
    const form: UserForm = { name: formText(body.name), email: formText(body.email), role, language: body.language === 'en' ? 'en' : 'sv' };
    const password = typeof body.password === 'string' ? body.password : '';
    const call = asLandlord(request, landlord);
    try {
      const added = await this.api.post('landlords', `/landlords/${landlord.landlordId}/users`, {
        ...call,
        idempotencyKey: idempotencyKey(body),
        body: { name: form.name, email: form.email, role: role ?? (formText(body.role) as UserRole), password, language: form.language },
      });
      rememberWrite(request, added.logPosition);
      setFlash(request, { kind: 'success', key: 'landlord.users.added' });
      seeOther(reply, '/hyresvard#users-heading');
    } catch (error) {
      if (!(error instanceof ApiRefusal) || error.status === 403 || error.status === 404) throw error;
      const [view, data] = await Promise.all([this.pages.view(request, reply), organisationData(this.api, call, landlord.landlordId)]);
      const errors = landlordProblems(error, view.locale, { field: 'email', key: 'landlord.users.refused' });
      sendPage(reply, <OrganisationPage view={view} data={data} userForm={form} errors={errors} />, error.status);
    }
  }

  @Post('anvandare/:userId/ta-bort')
  async removeUser(@Param('userId', ParseUUIDPipe) userId: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const landlord = requireLandlord(request);
    try {
      const removed = await this.api.delete('landlords', `/landlords/${landlord.landlordId}/users/${userId}`, asLandlord(request, landlord));
      rememberWrite(request, removed.logPosition);
      setFlash(request, { kind: 'success', key: 'landlord.users.removed' });
    } catch (error) {
      // The last administrator cannot be removed: the page says why instead of failing.
      if (!(error instanceof ApiRefusal) || error.status === 403 || error.status === 404) throw error;
      setFlash(request, { kind: 'info', key: 'landlord.users.notRemoved' });
    }
    seeOther(reply, '/hyresvard#users-heading');
  }
}
