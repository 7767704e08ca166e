import type { View } from '../../views/view.js';

const LANGUAGES = [
  ['sv', 'Svenska'],
  ['en', 'English'],
] as const;

interface PreferenceFieldsProps {
  readonly view: View;
  readonly language: 'sv' | 'en';
  /** Only the kinds the person may turn off. */
  readonly email: Readonly<Record<string, boolean>>;
  /** Which messages are e-mailed whatever is chosen here. */
  readonly always: string;
  readonly kindLabel: (kind: string) => string;
}

/** The language of the messages and e-mail on or off per kind: the settings form's fields for seekers and landlord users alike. */
export function PreferenceFields({ view, language, email, always, kindLabel }: PreferenceFieldsProps): JSX.Element {
  const { t } = view;
  return (
    <>
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
    </>
  );
}
