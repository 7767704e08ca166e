import type { PropsWithChildren } from '@kitajs/html';
import { formatDate } from '../i18n/format.js';
import type { MessageKey } from '../i18n/sv.js';
import type { View } from './view.js';

interface LayoutProps {
  readonly view: View;
  readonly title: string;
}

/** The page every route renders into: skip link, header with navigation and language switch, main, footer. */
export function Layout({ view, title, children }: PropsWithChildren<LayoutProps>): JSX.Element {
  const { t, locale } = view;
  const other = locale === 'sv' ? 'en' : 'sv';
  return (
    <>
      {'<!doctype html>'}
      <html lang={locale}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title safe>{`${title} – ${t('site.name')}`}</title>
          <link rel="stylesheet" href="/assets/index.css" />
          <link rel="stylesheet" href="/assets/bostadsko-theme.css" />
          <link rel="stylesheet" href="/assets/site.css" />
        </head>
        <body>
          <a class="ds-skip-link" href="#main" safe>
            {t('nav.skip')}
          </a>
          {view.clock && (
            <div class="training-clock" role="status">
              <p class="ds-paragraph" data-size="sm" safe>
                {t('clock.banner', { date: formatDate(view.clock.businessDate, locale) })}
              </p>
            </div>
          )}
          <header class="site-header">
            <div class="site-width site-header__row">
              <a class="site-name" href="/" safe>
                {t('site.name')}
              </a>
              <a class="ds-link" href={`/sprak/${other}?tillbaka=${encodeURIComponent(view.path)}`} lang={other} hreflang={other} safe>
                {t(`language.switch.${other}` as MessageKey)}
              </a>
            </div>
            <nav class="site-width site-nav" aria-label={t('nav.label')}>
              <ul class="site-nav__list">
                <li>
                  <a class="ds-link" href="/bostader" safe>
                    {t('nav.listings')}
                  </a>
                </li>
                <li>
                  <a class="ds-link" href="/statistik" safe>
                    {t('nav.statistics')}
                  </a>
                </li>
                {view.landlordSignedIn && (
                  <>
                    <li>
                      <a class="ds-link" href="/hyresvard" safe>
                        {t('nav.landlord')}
                      </a>
                    </li>
                    <SignOut view={view} action="/hyresvard/logga-ut" />
                  </>
                )}
                {view.staffSignedIn && (
                  <>
                    <li>
                      <a class="ds-link" href="/handlaggare" safe>
                        {t('nav.staff')}
                      </a>
                    </li>
                    <SignOut view={view} action="/handlaggare/logga-ut" />
                  </>
                )}
                {view.landlordSignedIn || view.staffSignedIn ? (
                  ''
                ) : view.seeker ? (
                  <>
                    <li>
                      <a class="ds-link" href="/mina-sidor" safe>
                        {t('nav.mine')}
                      </a>
                    </li>
                    <SignOut view={view} action="/logga-ut" />
                  </>
                ) : (
                  <>
                    <li>
                      <a class="ds-link" href="/logga-in" safe>
                        {t('nav.signIn')}
                      </a>
                    </li>
                    <li>
                      <a class="ds-link" href="/registrera" safe>
                        {t('nav.register')}
                      </a>
                    </li>
                  </>
                )}
              </ul>
            </nav>
          </header>
          <main id="main" class="site-width site-main" tabindex="-1">
            {view.flash && (
              <div class="ds-alert" data-color={view.flash.kind === 'success' ? 'success' : 'info'} role="status">
                <p class="ds-paragraph" safe>
                  {t(view.flash.key as MessageKey)}
                </p>
              </div>
            )}
            {children}
          </main>
          <footer class="site-footer">
            <div class="site-width">
              <ul class="site-footer__list">
                <li>
                  <a class="ds-link" href="/tillganglighet" safe>
                    {t('nav.accessibility')}
                  </a>
                </li>
                <li>
                  <a class="ds-link" href="/sa-fungerar-kon" safe>
                    {t('nav.howItWorks')}
                  </a>
                </li>
              </ul>
            </div>
          </footer>
        </body>
      </html>
    </>
  );
}

/** Signing out is a form (a POST with the CSRF token): a link would let any page sign a person out. */
function SignOut({ view, action }: { view: View; action: string }): JSX.Element {
  return (
    <li>
      <form method="post" action={action} class="inline-form">
        <input type="hidden" name="_csrf" value={view.csrfToken} />
        <button class="ds-button" data-variant="tertiary" data-size="sm" type="submit" safe>
          {view.t('nav.signOut')}
        </button>
      </form>
    </li>
  );
}
