import { Controller } from '@nestjs/common';
import { messageFor } from '../../i18n/locale.js';
import { startSession } from '../../server/session.js';
import { WorkAccountSignInController, type WorkAccountSection } from '../../server/work-account-sign-in.controller.js';
import { StaffSignInPage } from './sign-in.page.js';
import { STAFF_HOME, STAFF_SIGN_IN, staffSessionOf, type TokenAnswer } from './staff-session.js';

const REPORTS = `${STAFF_HOME}/rapporter`;

const staff: WorkAccountSection = {
  home: STAFF_HOME,
  signInPath: STAFF_SIGN_IN,
  field: 'username',
  page: (view, { account, ...rest }) => <StaffSignInPage view={view} username={account} {...rest} />,
  async signIn(api, request, { account, password }, next) {
    const token = await api.post<TokenAnswer>('applicants', '/auth/token', { body: { username: account, password }, forwardedFor: request.ip });
    const session = staffSessionOf(token.body);
    startSession(request, 'staff', session);
    // An analyst's work is the reports: the back office's start page is a case officer's.
    return next === STAFF_HOME && !session.roles.some((role) => role === 'staff' || role === 'admin') ? REPORTS : next;
  },
  refused: (error, view) => [{ field: 'username', message: messageFor(view.locale, error.status === 429 ? 'problem.sign-in-throttled' : 'staff.signIn.wrong')! }],
};

/** Staff, administrators and analysts sign in and out; the applicants app checks the password and issues the token with the account's roles. */
@Controller('handlaggare')
export class StaffSignInController extends WorkAccountSignInController {
  protected readonly section = staff;
}
