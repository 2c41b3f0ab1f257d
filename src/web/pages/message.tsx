// Short pages that explain a problem in plain English: form expired (403), page not found, not allowed.
import type { Child, FC } from 'hono/jsx';

export const MessagePage: FC<{ heading: string; children?: Child }> = ({ heading, children }) => (
  <>
    <h1>{heading}</h1>
    {children}
  </>
);

export const FormExpiredPage: FC<{ back?: string | undefined }> = ({ back }) => (
  <MessagePage heading="Sorry, that form has expired">
    <p>We could not check that the form came from this service, so we did not save anything.</p>
    <p>This can happen if the page was open for a long time, or if cookies are turned off in your browser.</p>
    <p>
      <a href={back && back.startsWith('/') && !back.startsWith('//') ? back : '/'}>Go back and try again</a>
    </p>
  </MessagePage>
);

export const NotFoundPage: FC = () => (
  <MessagePage heading="Page not found">
    <p>If you typed the web address, check it is correct.</p>
    <p>
      <a href="/">Go to the start page</a>
    </p>
  </MessagePage>
);

export const NotAllowedPage: FC = () => (
  <MessagePage heading="You cannot see this page">
    <p>Your account does not give you access to this page. If you think it should, ask your setting’s leader.</p>
    <p>
      <a href="/account">Go to your account</a>
    </p>
  </MessagePage>
);

export const ProblemPage: FC<{ heading: string; detail: string; requestId?: string | undefined }> = ({ heading, detail, requestId }) => (
  <MessagePage heading={heading}>
    <p>{detail}</p>
    {requestId ? <p>If you contact us, quote this reference: {requestId}</p> : null}
    <p>
      <a href="/">Go to the start page</a>
    </p>
  </MessagePage>
);
