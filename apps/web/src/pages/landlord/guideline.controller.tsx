import { Body, Controller, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiClient } from '../../api/api-client.js';
import { ApiRefusal } from '../../api/api-error.js';
import { PageContext } from '../../server/page-context.js';
import { seeOther, sendPage } from '../../server/responses.js';
import { rememberWrite, setFlash } from '../../server/session.js';
import type { GuidelineForm } from './guideline-form.js';
import { landlordProblems } from './landlord-problems.js';
import { asLandlord, formText, idempotencyKey, requireLandlord } from './landlord-session.js';
import { requirementOf } from './listing-form.js';
import { organisationData } from './organisation.query.js';
import { OrganisationPage } from './organisation.page.js';

/** An administrator records a new version of the letting guideline; the landlords app decides who may and what is valid. */
@Controller('hyresvard/riktlinje')
export class LandlordGuidelineController {
  constructor(
    private readonly pages: PageContext,
    private readonly api: ApiClient,
  ) {}

  @Post()
  async change(@Body() body: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const landlord = requireLandlord(request);
    const call = asLandlord(request, landlord);
    const form: GuidelineForm = {
      effectiveFrom: formText(body.effectiveFrom),
      incomeMultiple: formText(body['standard-incomeMultiple']),
      maxHouseholdSize: formText(body['standard-maxHouseholdSize']),
      minAge: formText(body['standard-minAge']),
      maxAge: formText(body['standard-maxAge']),
      noPaymentRemarks: body['standard-noPaymentRemarks'] === 'yes',
      reason: formText(body.reason),
    };
    try {
      // The per-type requirements are not on the form: they go on as they are in the version in force.
      const current = (await organisationData(this.api, call, landlord.landlordId)).guideline;
      const changed = await this.api.post('landlords', `/landlords/${landlord.landlordId}/guideline`, {
        ...call,
        idempotencyKey: idempotencyKey(body),
        body: {
          effectiveFrom: form.effectiveFrom,
          standard: {
            incomeMultiple: requirementOf(form.incomeMultiple ?? ''),
            maxHouseholdSize: requirementOf(form.maxHouseholdSize ?? ''),
            minAge: requirementOf(form.minAge ?? ''),
            maxAge: requirementOf(form.maxAge ?? ''),
            noPaymentRemarks: form.noPaymentRemarks,
          },
          byListingType: current?.byListingType ?? {},
          reason: form.reason,
        },
      });
      rememberWrite(request, changed.logPosition);
      setFlash(request, { kind: 'success', key: 'landlord.guidelineForm.done' });
      seeOther(reply, '/hyresvard#guideline-heading');
    } catch (error) {
      if (!(error instanceof ApiRefusal) || error.status === 403 || error.status === 404) throw error;
      const [view, data] = await Promise.all([this.pages.view(request, reply), organisationData(this.api, call, landlord.landlordId)]);
      const errors = landlordProblems(error, view.locale, { field: 'effectiveFrom', key: 'landlord.guidelineForm.refused' });
      sendPage(reply, <OrganisationPage view={view} data={data} userForm={{}} errors={[]} guidelineForm={form} guidelineErrors={errors} />, error.status);
    }
  }
}
