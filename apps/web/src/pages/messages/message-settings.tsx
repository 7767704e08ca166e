import type { PropsWithChildren } from '@kitajs/html';
import { FormTokens } from '../../views/components/hidden-fields.js';
import type { View } from '../../views/view.js';

const LANGUAGES = [
  ['sv', 'Svenska'],
  ['en', 'English'],
] as const;

interface MessageSettingsProps {
  readonly view: View;
  /** The inbox's address: the way back, and under it `installningar` that takes the form. */
  readonly inbox: string;
  readonly back: string;
  readonly title: string;
  readonly intro: string;
  readonly language: 'sv' | 'en';
  /** Only the kinds the person may turn off. */
  readonly email: Readonly<Record<string, boolean>>;
  /** Which messages are e-mailed whatever is chosen here. */
  readonly always: string;
  readonly kindLabel: (kind: string) => string;
}

/** The message settings for seekers and landlord users alike: the language of the messages and e-mail on or off per kind, in one form; the children go above its button. */
export function MessageSettings({ view, inbox, back, title, intro, language, email, always, kindLabel, children }: PropsWithChildren<MessageSettingsProps>): JSX.Element {
  const { t } = view;
  return (
    <>
      <p class="ds-paragraph">
        <a class="ds-link" href={inbox} safe>
          {back}
        </a>
      </p>
      <h1 class="ds-heading" data-size="lg" safe>
        {title}
      </h1>
      <p class="ds-paragraph" safe>
        {intro}
      </p>
      <form method="post" action={`${inbox}/installningar`} class="stack">
        <FormTokens view={view} />
        <div class="ds-field">
          <label class="ds-label" for="language" safe>
            {t('preferences.language')}
          </label>
          <select class="ds-input" id="language" name="language">
            {LANGUAGES.map(([code, name]) => (
              <option value={code} lang={code} selected={language === code} safe>
                {name}
              </option>
            ))}
          </select>
        </div>
        <fieldset class="ds-fieldset">
          <legend class="ds-label" safe>
            {t('preferences.email')}
          </legend>
          <p class="ds-paragraph" data-size="sm" safe>
            {always}
          </p>
          {Object.entries(email).map(([kind, on]) => (
            <div class="ds-field">
              <input class="ds-input" type="checkbox" id={`email-${kind}`} name={`email-${kind}`} value="on" checked={on} />
              <label class="ds-label" for={`email-${kind}`} safe>
                {kindLabel(kind)}
              </label>
            </div>
          ))}
        </fieldset>
        {children}
        <div class="actions">
          <button class="ds-button" data-variant="primary" type="submit" safe>
            {t('preferences.save')}
          </button>
        </div>
      </form>
    </>
  );
}
