import { Body, Controller, Get, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiClient } from '../../api/api-client.js';
import { ApiRefusal } from '../../api/api-error.js';
import { messageFor, type Locale } from '../../i18n/locale.js';
import { PageContext } from '../../server/page-context.js';
import { seeOther, sendPage } from '../../server/responses.js';
import { setFlash } from '../../server/session.js';
import type { FieldMessage } from '../../views/components/form-errors.js';
import { INTEREST_FIELDS, InterestPage } from './interest.page.js';
import { formText } from './landlord-session.js';

/** The landlords app's names for the form's fields, as the form's input ids. */
const API_FIELDS: Readonly<Record<string, string>> = {
  name: INTEREST_FIELDS.name,
  organisationNumber: INTEREST_FIELDS.organisationNumber,
  contact: INTEREST_FIELDS.contactName,
  'contact.name': INTEREST_FIELDS.contactName,
  'contact.email': INTEREST_FIELDS.contactEmail,
  'contact.phone': INTEREST_FIELDS.contactPhone,
};

/** What a valid value of each field looks like, with the app's own reason after it; a refusal of the whole form at the first field. */
function interestProblems(refusal: ApiRefusal, locale: Locale): FieldMessage[] {
  const { problem } = refusal;
  if (problem.errors?.length) {
    return problem.errors.map((error) => ({
      field: API_FIELDS[error.field] ?? INTEREST_FIELDS.name,
      message: `${messageFor(locale, `landlord.interest.field.${error.field}`) ?? messageFor(locale, 'field.invalid')!} (${error.messages.join('; ')})`,
    }));
  }
  const message = messageFor(locale, `landlord.interest.problem.${problem.code ?? ''}`);
  return [{ field: INTEREST_FIELDS.organisationNumber, message: message ? `${message} (${problem.detail})` : problem.detail }];
}

/**
 * A landlord organisation's interest in letting through the agency, open to anyone: the agency's staff then
 * sign the agreement and create the organisation's first administrator, who signs in at /hyresvard.
 */
@Controller('hyresvard/intresseanmalan')
export class LandlordInterestController {
  constructor(
    private readonly pages: PageContext,
    private readonly api: ApiClient,
  ) {}

  @Get()
  async form(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    sendPage(reply, <InterestPage view={await this.pages.view(request, reply)} form={{}} errors={[]} />);
  }

  @Post()
  async register(@Body() body: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const f = INTEREST_FIELDS;
    const form = Object.fromEntries(Object.values(f).map((field) => [field, formText(body[field])]));
    const contact = { name: form[f.contactName], email: form[f.contactEmail], ...(form[f.contactPhone] && { phone: form[f.contactPhone] }) };
    try {
      await this.api.post('landlords', '/landlords', { body: { name: form[f.name], organisationNumber: form[f.organisationNumber], contact }, forwardedFor: request.ip });
      setFlash(request, { kind: 'success', key: 'landlord.interest.done' });
      seeOther(reply, '/hyresvard/intresseanmalan');
    } catch (error) {
      if (!(error instanceof ApiRefusal) || error.status === 401 || error.status === 403) throw error;
      const view = await this.pages.view(request, reply);
      sendPage(reply, <InterestPage view={view} form={form} errors={interestProblems(error, view.locale)} />, error.status);
    }
  }
}
