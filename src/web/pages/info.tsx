// Information pages every public service needs: the accessibility statement and privacy and cookies.
import type { FC } from 'hono/jsx';

export const AccessibilityPage: FC = () => (
  <>
    <h1>Accessibility statement</h1>
    <p>We want as many people as possible to be able to use this service. You should be able to:</p>
    <ul class="list">
      <li>zoom in up to 400% and read text without scrolling sideways</li>
      <li>use the whole service with only a keyboard</li>
      <li>use it with a screen reader, speech recognition or screen magnifier</li>
      <li>use it with JavaScript turned off</li>
      <li>read every chart as a table, with nothing shown by colour alone</li>
    </ul>
    <h2>How we test</h2>
    <p>
      Every page is checked automatically against the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA on every
      change, and we test the main journey with a keyboard only and in a narrow (320 pixel) window.
    </p>
    <h2>Tell us about a problem</h2>
    <p>If you find a problem, tell whoever gave you access to this service and they will pass it to us.</p>
  </>
);

export const PrivacyPage: FC = () => (
  <>
    <h1>Privacy and cookies</h1>
    <h2>If you do not sign in</h2>
    <p>
      Your answers are kept in a cookie in your browser and nowhere else. It is deleted when you close your browser, or when
      you choose “Clear my answers and start again”.
    </p>
    <h2>If you sign in</h2>
    <p>
      We keep your name, email address, your answers and the training you mark as done, so you can see your progress. Your
      setting’s leaders can see whether you have done assigned training. Leaders see confidence only for groups of staff,
      never for small groups where one person could be picked out.
    </p>
    <h2>Cookies we use</h2>
    <div class="table-wrap" role="region" aria-labelledby="cookies-caption" tabindex={0}>
      <table>
        <caption id="cookies-caption">Cookies this service sets</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">What it is for</th>
            <th scope="col">When it ends</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>__Host-journey</td>
            <td>Keeps your answers between pages</td>
            <td>When you close your browser</td>
          </tr>
          <tr>
            <td>__Host-csrf</td>
            <td>Checks that forms were sent from this service</td>
            <td>When you close your browser</td>
          </tr>
          <tr>
            <td>Session cookie</td>
            <td>Keeps you signed in (only if you sign in)</td>
            <td>When you sign out, or after a period of no use</td>
          </tr>
        </tbody>
      </table>
    </div>
    <p>We do not use cookies for analytics or advertising.</p>
  </>
);
