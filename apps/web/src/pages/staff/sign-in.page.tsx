import type { FieldMessage } from '../../views/components/form-errors.js';
import { WorkAccountSignInPage } from '../../views/components/work-account-sign-in.js';
import type { View } from '../../views/view.js';

interface SignInProps {
  readonly view: View;
  readonly username?: string;
  readonly next: string;
  readonly errors: readonly FieldMessage[];
  readonly expired?: boolean;
}

/** The agency's own people sign in with their work account, apart from seekers and landlords. */
export function StaffSignInPage({ view, username, ...rest }: SignInProps): JSX.Element {
  const { t } = view;
  const texts = { title: t('staff.signIn.title'), intro: t('staff.signIn.intro'), expired: t('staff.signIn.expired'), account: t('staff.field.label.username') };
  return <WorkAccountSignInPage view={view} section={{ action: '/handlaggare/logga-in', field: 'username', texts }} account={username} {...rest} />;
}
