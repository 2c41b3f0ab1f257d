// "Your account": who is signed in, their role and where they work, with links to what they can do.
import type { FC } from 'hono/jsx';
import { SummaryList } from '../components/summary-list.js';

const ROLE_WORDS = { staff: 'Member of staff', leader: 'Leader', panel: 'Evidence panel member', admin: 'Service administrator' } as const;

export const AccountPage: FC<{ name: string; email: string; role: keyof typeof ROLE_WORDS; orgName?: string | undefined; hasStaff: boolean }> = ({
  name,
  email,
  role,
  orgName,
  hasStaff,
}) => (
  <>
    <h1>Your account</h1>
    <SummaryList
      rows={[
        { key: 'Name', value: name },
        { key: 'Email address', value: email },
        { key: 'Account type', value: ROLE_WORDS[role] },
        ...(orgName ? [{ key: 'Where you work', value: orgName }] : []),
      ]}
    />
    <h2>What you can do</h2>
    <ul class="list">
      {hasStaff ? (
        <>
          <li>
            <a href="/pathway">See your training pathway</a>
          </li>
          <li>
            <a href="/progress">See how your confidence has changed</a>
          </li>
        </>
      ) : null}
      {role === 'leader' || role === 'admin' ? (
        <li>
          <a href="/dashboard">See your setting’s dashboard</a>
        </li>
      ) : null}
      {role === 'panel' || role === 'admin' ? (
        <li>
          <a href="/panel">Work on evidence sets</a>
        </li>
      ) : null}
    </ul>
  </>
);
