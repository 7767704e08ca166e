import { formatDate, formatDateTime } from '../../i18n/format.js';
import { messageFor } from '../../i18n/locale.js';
import type { MessageKey } from '../../i18n/sv.js';
import { FormTokens } from '../../views/components/hidden-fields.js';
import { Layout } from '../../views/layout.js';
import type { View } from '../../views/view.js';
import { RefusalList } from '../listings/refusal-list.js';
import { statusText } from './applications.page.js';
import type { Application, Invitation, PlaceExplanation } from './mine.types.js';
import { placeText } from './place-text.js';

interface ApplicationProps {
  readonly view: View;
  readonly application: Application;
  readonly explanation: PlaceExplanation;
  readonly invitation: Invitation;
}

/** One application: its place and why, the showing invitation and its answer, the outcome, and withdrawing. */
export function ApplicationPage({ view, application, explanation, invitation }: ApplicationProps): JSX.Element {
  const { t, locale } = view;
  const base = `/mina-sidor/ansokningar/${encodeURIComponent(application.applicationId)}`;
  const pending = invitation.invitation?.answer === 'pending';
  return (
    <Layout view={view} title={application.listing.address}>
      <p class="ds-paragraph">
        <a class="ds-link" href="/mina-sidor/ansokningar" safe>
          {t('application.back')}
        </a>
      </p>
      <h1 class="ds-heading" data-size="lg" safe>
        {`${application.listing.address}, ${application.listing.district}`}
      </h1>
      <dl class="facts">
        <dt safe>{t('applications.status')}</dt>
        <dd safe>{statusText(view, application.status)}</dd>
        <dt safe>{t('applications.place')}</dt>
        <dd safe>{placeText(view, explanation.yourPlace)}</dd>
        <dt safe>{t('application.submitted')}</dt>
        <dd safe>{formatDateTime(application.submittedAt, locale)}</dd>
        <dt safe>{t('listing.deadline')}</dt>
        <dd safe>{formatDate(application.listing.applicationDeadline, locale)}</dd>
      </dl>
      <p class="ds-paragraph">
        <a class="ds-link" href={`/bostader/${encodeURIComponent(application.listingId)}`} safe>
          {t('application.listing')}
        </a>
      </p>

      {invitation.invitation && (
        <section aria-labelledby="invitation-heading" class="ds-card">
          <h2 class="ds-heading" data-size="md" id="invitation-heading" safe>
            {t('invitation.heading')}
          </h2>
          {invitation.invitation.slot && (
            <p class="ds-paragraph" safe>
              {t('invitation.slot', { from: formatDateTime(invitation.invitation.slot.startsAt, locale), to: formatDateTime(invitation.invitation.slot.endsAt, locale) })}
            </p>
          )}
          <p class="ds-paragraph" safe>
            {t('invitation.answerBy', { date: formatDate(invitation.invitation.answerBy, locale) })}
          </p>
          {pending ? (
            <form method="post" action={`${base}/intresse`} class="actions">
              <FormTokens view={view} />
              <button class="ds-button" data-variant="primary" type="submit" name="interested" value="yes" safe>
                {t('invitation.yes')}
              </button>
              <button class="ds-button" data-variant="secondary" type="submit" name="interested" value="no" safe>
                {t('invitation.no')}
              </button>
            </form>
          ) : (
            <p class="ds-paragraph" safe>
              {t('invitation.answered', { answer: messageFor(locale, `answer.${invitation.invitation.answer}`) ?? invitation.invitation.answer })}
            </p>
          )}
        </section>
      )}

      <h2 class="ds-heading" data-size="md" safe>
        {t('application.outcome')}
      </h2>
      <p class="ds-paragraph" safe>
        {messageFor(locale, `outcome.${invitation.outcome}`) ?? invitation.outcome}
      </p>
      {invitation.certificatesDue && (
        <p class="ds-paragraph" safe>
          {t('application.certificatesDue', { date: formatDate(invitation.certificatesDue, locale) })}
        </p>
      )}
      {invitation.landlordsReason && (
        <p class="ds-paragraph" safe>
          {t('application.landlordsReason', { reason: invitation.landlordsReason })}
        </p>
      )}

      <h2 class="ds-heading" data-size="md" safe>
        {t('application.why')}
      </h2>
      <Why view={view} explanation={explanation} />

      {application.status === 'active' && application.listing.status === 'open' && (
        <form method="post" action={`${base}/aterkalla`}>
          <FormTokens view={view} />
          <button class="ds-button" data-variant="secondary" data-color="danger" type="submit" safe>
            {t('application.withdraw')}
          </button>
        </form>
      )}
    </Layout>
  );
}

function Why({ view, explanation }: { view: View; explanation: PlaceExplanation }): JSX.Element {
  const { t } = view;
  const method = (
    <p class="ds-paragraph" safe>
      {t(`allocation.${explanation.method}` as MessageKey)}
    </p>
  );
  if (!explanation.ranked) {
    return (
      <>
        {method}
        <p class="ds-paragraph" safe>
          {t('application.provisional')}
        </p>
      </>
    );
  }
  if (explanation.excludedFor) {
    return (
      <>
        <p class="ds-paragraph" safe>
          {t('application.excluded')}
        </p>
        <RefusalList view={view} refusals={explanation.details?.length ? explanation.details : explanation.excludedFor.map((code) => ({ code, message: code }))} />
      </>
    );
  }
  return (
    <>
      {method}
      {explanation.you && (
        <p class="ds-paragraph" safe>
          {t('application.yourQueueDays', { days: explanation.you.queueDays ?? 0 })}
        </p>
      )}
      {explanation.lottery && (
        <p class="ds-paragraph" safe>
          {t('application.lottery', { seed: explanation.lottery.seed, hash: explanation.lottery.seedHash })}
        </p>
      )}
      {explanation.ahead && explanation.ahead.length > 0 && (
        <div class="table-scroll">
          <table class="ds-table">
            <caption safe>{t('application.ahead')}</caption>
            <thead>
              <tr>
                <th scope="col" safe>
                  {t('applications.place')}
                </th>
                <th scope="col" safe>
                  {t('application.queueDays')}
                </th>
              </tr>
            </thead>
            <tbody>
              {explanation.ahead.map((other) => (
                <tr>
                  <td safe>{String(other.place)}</td>
                  <td safe>{other.queueDays === null ? '–' : String(other.queueDays)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
