// The start page: what the service does, what you need, and the button into the self-assessment.
import type { FC } from 'hono/jsx';
import { PostForm } from '../components/forms.js';
import { assessmentMinutes } from '../labels.js';

export const StartPage: FC<{ questionCount: number; signedIn: boolean; hasAnswers: boolean; token: string }> = ({ questionCount, signedIn, hasAnswers, token }) => (
  <>
    <h1>Find SEND training that fits you</h1>
    <p class="lead">
      Answer {questionCount} short questions about how confident you feel supporting children and young people with special
      educational needs and disabilities (SEND). You will get a training plan made for you, step by step.
    </p>
    <p>Use this service if you work in a nursery, school or college in England, in any role.</p>
    <h2>Before you start</h2>
    <ul class="list">
      <li>
        It takes about {assessmentMinutes(questionCount)} minutes: {questionCount} questions you answer with one click each, and two
        short pages about your role and your time.
      </li>
      <li>You do not need an account. Your answers stay in your browser until you close it.</li>
      <li>There are no right or wrong answers. Be honest: the plan is only as good as your answers.</li>
    </ul>
    <a href="/assessment/about-you" class="button start">
      Start now
    </a>
    {hasAnswers ? (
      <div class="notice">
        <p>
          You have answers saved in this browser. <a href="/assessment/check-answers">Carry on where you left off</a> or{' '}
          <a href="/pathway">see your pathway</a>.
        </p>
        <PostForm action="/assessment/reset" token={token}>
          <button type="submit" class="secondary">
            Clear my answers
          </button>
        </PostForm>
      </div>
    ) : null}
    <h2>What you will get</h2>
    <ul class="list">
      <li>A list of training steps in order, with how long each takes and which week to do it.</li>
      <li>Why each step is there, and how strong the evidence behind it is.</li>
      <li>A chart of your confidence in each area of need.</li>
      <li>A calendar file you can add to your diary.</li>
    </ul>
    <h2>Leaders and panel members</h2>
    <p>
      {signedIn ? (
        <>
          Go to <a href="/account">your account</a>.
        </>
      ) : (
        <>
          <a href="/sign-in">Sign in</a> to see your setting’s dashboard, assign training to staff or work on evidence sets.
        </>
      )}
    </p>
  </>
);
