// The page each problem `type` points at: what the problem means and what to do about it.
import type { FC } from 'hono/jsx';
import type { ProblemHelp } from '../../http/problem-help.js';

/** Shows `quoted` parts of a help text as code. */
const WithCode: FC<{ text: string }> = ({ text }) => (
  <>{text.split('`').map((part, i) => (i % 2 === 1 ? <code>{part}</code> : part))}</>
);

export const ProblemKindPage: FC<{ title: string; status: number; help: ProblemHelp }> = ({ title, status, help }) => (
  <>
    <h1>{title}</h1>
    <p>
      HTTP status {status}. <WithCode text={help.happened} />
    </p>
    <h2>What to do</h2>
    <ul>
      {help.todo.map((t) => (
        <li>
          <WithCode text={t} />
        </li>
      ))}
    </ul>
    <p>
      Every error from the API is a JSON “problem” (RFC 9457) whose <code>type</code> is this page’s address. The{' '}
      <a href="/docs">API reference</a> lists the problems each operation can return.
    </p>
  </>
);
