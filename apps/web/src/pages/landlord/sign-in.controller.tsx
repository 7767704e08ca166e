import { Controller } from '@nestjs/common';
import { startSession } from '../../server/session.js';
import { WorkAccountSignInController, type WorkAccountSection } from '../../server/work-account-sign-in.controller.js';
import { landlordProblems } from './landlord-problems.js';
import { LANDLORD_HOME, LANDLORD_SIGN_IN, landlordSessionOf, type TokenAnswer } from './landlord-session.js';
import { LandlordSignInPage } from './sign-in.page.js';

const landlord: WorkAccountSection = {
  home: LANDLORD_HOME,
  signInPath: LANDLORD_SIGN_IN,
  field: 'email',
  page: (view, { account, ...rest }) => <LandlordSignInPage view={view} email={account} {...rest} />,
  async signIn(api, request, { account, password }, next) {
    const token = await api.post<TokenAnswer>('landlords', '/landlords/sign-in', { body: { email: account, password }, forwardedFor: request.ip });
    startSession(request, 'landlord', landlordSessionOf(token.body));
    return next;
  },
  // A malformed address is refused as a wrong one.
  refused: (error, view) =>
    error.status === 429 ? landlordProblems(error, view.locale, { field: 'email', key: 'problem.sign-in-throttled' }) : [{ field: 'email', message: view.t('landlord.signIn.wrong') }],
};

/** Landlord users sign in and out; the landlords app checks the password and issues the token. */
@Controller('hyresvard')
export class LandlordSignInController extends WorkAccountSignInController {
  protected readonly section = landlord;
}
