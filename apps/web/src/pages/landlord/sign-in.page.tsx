import type { FieldMessage } from '../../views/components/form-errors.js';
import { WorkAccountSignInPage } from '../../views/components/work-account-sign-in.js';
import type { View } from '../../views/view.js';

interface SignInProps {
  readonly view: View;
  readonly email?: string;
  readonly next: string;
  readonly errors: readonly FieldMessage[];
  readonly expired?: boolean;
}

/** Landlord users sign in with e-mail and password, apart from seekers' personnummer sign-in. */
export function LandlordSignInPage({ view, email, ...rest }: SignInProps): JSX.Element {
  const { t } = view;
  const texts = {
    title: t('landlord.signIn.title'),
    intro: t('landlord.signIn.intro'),
    expired: t('landlord.signIn.expired'),
    account: t('landlord.field.label.email'),
    help: t('landlord.signIn.help'),
  };
  const elsewhere = { href: '/hyresvard/intresseanmalan', text: t('landlord.interest.signInLink') };
  return <WorkAccountSignInPage view={view} section={{ action: '/hyresvard/logga-in', field: 'email', texts, elsewhere }} account={email} {...rest} />;
}
