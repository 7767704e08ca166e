import { ErrorSummary } from '../../views/components/error-summary.js';
import { messageAt, type FieldMessage } from '../../views/components/form-errors.js';
import { FormTokens } from '../../views/components/hidden-fields.js';
import { TextField } from '../../views/components/text-field.js';
import type { View } from '../../views/view.js';
import { USER_ROLES, type UserRole } from './landlord.types.js';
import type { OrganisationData } from './organisation.query.js';

export interface UserForm {
  readonly name?: string;
  readonly email?: string;
  readonly role?: UserRole;
  readonly language?: 'sv' | 'en';
}

const LANGUAGES = [
  ['sv', 'Svenska'],
  ['en', 'English'],
] as const;

/** The organisation's users; its administrators add letting agents (with a first password to hand over) and remove users. */
export function UsersSection({ view, data, form, errors }: { view: View; data: OrganisationData; form: UserForm; errors: readonly FieldMessage[] }): JSX.Element {
  const { t } = view;
  const administrator = data.me.role === 'administrator';
  const active = data.users.filter((user) => user.status === 'active');
  const roleError = messageAt(errors, 'role');
  return (
    <section aria-labelledby="users-heading" class="stack-wide">
      <h2 class="ds-heading" data-size="md" id="users-heading" safe>
        {t('landlord.users.title')}
      </h2>
      <div class="table-scroll">
        <table class="ds-table">
          <caption safe>{t('landlord.users.caption', { count: active.length })}</caption>
          <thead>
            <tr>
              <th scope="col" safe>
                {t('landlord.users.name')}
              </th>
              <th scope="col" safe>
                {t('landlord.field.label.email')}
              </th>
              <th scope="col" safe>
                {t('landlord.users.role')}
              </th>
              {administrator && (
                <th scope="col" safe>
                  {t('landlord.users.actions')}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {active.map((user) => (
              <tr>
                <td safe>{user.name ?? '–'}</td>
                <td safe>{user.email ?? '–'}</td>
                <td safe>{t(`landlord.role.${user.role}`)}</td>
                {administrator && (
                  <td>
                    {user.userId !== data.me.userId && (
                      <form method="post" action={`/hyresvard/anvandare/${user.userId}/ta-bort`} class="inline-form">
                        <FormTokens view={view} />
                        <button class="ds-button" data-variant="secondary" data-color="danger" data-size="sm" type="submit" safe>
                          {t('landlord.users.remove', { name: user.name ?? '' })}
                        </button>
                      </form>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {administrator && (
        <>
          <h3 class="ds-heading" data-size="sm" id="add-user" safe>
            {t('landlord.users.add')}
          </h3>
          <ErrorSummary view={view} errors={errors} />
          <form method="post" action="/hyresvard/anvandare" class="stack" novalidate>
            <FormTokens view={view} />
            <TextField id="name" label={t('landlord.users.name')} value={form.name} errors={errors} autocomplete="off" required />
            <TextField id="email" type="email" label={t('landlord.field.label.email')} value={form.email} errors={errors} autocomplete="off" required />
            <div class="ds-field">
              <label class="ds-label" for="role" safe>
                {t('landlord.users.role')}
              </label>
              <select class="ds-input" id="role" name="role" aria-invalid={roleError ? 'true' : undefined} aria-describedby={roleError ? 'role-error' : undefined}>
                {USER_ROLES.map((role) => (
                  <option value={role} selected={(form.role ?? 'letting-agent') === role} safe>
                    {t(`landlord.role.${role}`)}
                  </option>
                ))}
              </select>
              {roleError && (
                <div class="ds-validation-message" data-field="validation" id="role-error" safe>
                  {roleError}
                </div>
              )}
            </div>
            <div class="ds-field">
              <label class="ds-label" for="language" safe>
                {t('landlord.users.language')}
              </label>
              <select class="ds-input" id="language" name="language">
                {LANGUAGES.map(([code, name]) => (
                  <option value={code} lang={code} selected={(form.language ?? 'sv') === code} safe>
                    {name}
                  </option>
                ))}
              </select>
            </div>
            <TextField id="password" type="password" label={t('landlord.users.password')} description={t('landlord.users.passwordHint')} errors={errors} autocomplete="new-password" required />
            <div>
              <button class="ds-button" data-variant="primary" type="submit" safe>
                {t('landlord.users.addButton')}
              </button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}
