// Sign in (email and password) and set a password from an invite; plain forms with an error summary.
import type { FC } from 'hono/jsx';
import { ErrorSummary, PostForm, TextInput, type FieldError } from '../components/forms.js';

/**
 * Signing in with a school (OpenID Connect) account: a plain GET form, so it works without JavaScript; the email's
 * domain picks the organisation's connection.
 */
const SchoolAccount: FC<{ errors: readonly FieldError[]; email?: string | undefined; next?: string | undefined }> = ({ errors, email, next }) => (
  <section aria-labelledby="school-account-heading">
    <h2 id="school-account-heading">Sign in with your school account</h2>
    <p>If your setting or trust has connected its Microsoft 365 or Google Workspace accounts, use your work email address and sign in there.</p>
    <form method="get" action="/sign-in/school" novalidate>
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <TextInput name="school-email" label="Work email address" type="email" autocomplete="email" value={email} error={errors.find((e) => e.field === 'school-email')?.text} />
      <button type="submit" class="secondary">
        Sign in with your school account
      </button>
    </form>
  </section>
);

export const SignInPage: FC<{
  token: string;
  errors: readonly FieldError[];
  email?: string | undefined;
  next?: string | undefined;
  save?: boolean;
  /** Shown when at least one organisation has single sign-on connected. */
  sso?: { email?: string | undefined } | undefined;
}> = ({ token, errors, email, next, save, sso }) => (
  <>
    <ErrorSummary errors={errors} />
    <h1>Sign in</h1>
    {save ? (
      <div class="notice">
        <p>Sign in to save your pathway to your account. Your answers will be saved when you sign in.</p>
      </div>
    ) : null}
    {sso ? <SchoolAccount errors={errors} email={sso.email} next={next} /> : null}
    {sso ? <h2>Sign in with a password</h2> : null}
    <PostForm action="/sign-in" token={token}>
      {next ? <input type="hidden" name="next" value={next} /> : null}
      {save ? <input type="hidden" name="save" value="1" /> : null}
      <TextInput name="email" label="Email address" type="email" autocomplete="email" value={email} error={errors.find((e) => e.field === 'email')?.text} />
      <TextInput name="password" label="Password" type="password" autocomplete="current-password" error={errors.find((e) => e.field === 'password')?.text} width="medium" />
      <button type="submit">Sign in</button>
    </PostForm>
    <p>
      <a href="/sign-in/forgot">Forgot your password?</a>
    </p>
    <h2>No account yet?</h2>
    <p>
      Accounts are set up by your setting’s leader. Ask them to add you; you will get an invite link to set your password. You
      can still <a href="/assessment/about-you">find your training pathway without an account</a>.
    </p>
  </>
);

export const InvitePage: FC<{ token: string; invite: string; email: string; errors: readonly FieldError[] }> = ({ token, invite, email, errors }) => (
  <>
    <ErrorSummary errors={errors} />
    <h1>Create your password</h1>
    <p>
      You are setting up the account for <strong>{email}</strong>.
    </p>
    <PostForm action="/invite" token={token}>
      <input type="hidden" name="invite" value={invite} />
      <TextInput
        name="password"
        label="Password"
        type="password"
        autocomplete="new-password"
        hint="Use at least 12 characters. Three random words work well."
        error={errors.find((e) => e.field === 'password')?.text}
        width="medium"
      />
      <TextInput name="confirm" label="Type your password again" type="password" autocomplete="new-password" error={errors.find((e) => e.field === 'confirm')?.text} width="medium" />
      <button type="submit">Create password and sign in</button>
    </PostForm>
  </>
);
