// "Forgot your password?": ask for a reset link by email, and the page that says it is on its way.
import type { FC } from 'hono/jsx';
import { ErrorSummary, PostForm, TextInput, type FieldError } from '../components/forms.js';

export const ForgotPasswordPage: FC<{ token: string; errors: readonly FieldError[]; email?: string | undefined }> = ({ token, errors, email }) => (
  <>
    <ErrorSummary errors={errors} />
    <h1>Reset your password</h1>
    <p>Enter the email address you sign in with. We will email you a link to choose a new password. The link works for an hour.</p>
    <PostForm action="/sign-in/forgot" token={token}>
      <TextInput name="email" label="Email address" type="email" autocomplete="email" value={email} error={errors.find((e) => e.field === 'email')?.text} />
      <button type="submit">Email me a link</button>
    </PostForm>
    <p>
      <a href="/sign-in">Back to sign in</a>
    </p>
  </>
);

export const ResetSentPage: FC<{ email: string }> = ({ email }) => (
  <>
    <h1>Check your email</h1>
    <p>
      If an account uses <strong>{email}</strong>, we have sent it a link to choose a new password. The link works for an hour,
      once. Your current password still works until you use it.
    </p>
    <p>If nothing arrives within a few minutes, check your junk folder, or ask your setting’s leader.</p>
    <p>
      <a href="/sign-in">Back to sign in</a>
    </p>
  </>
);

export const NoEmailResetPage: FC = () => (
  <>
    <h1>Reset your password</h1>
    <p>This service does not send email, so it cannot send you a reset link. Ask your setting’s leader to contact an administrator, who can reset your password.</p>
    <p>
      <a href="/sign-in">Back to sign in</a>
    </p>
  </>
);
