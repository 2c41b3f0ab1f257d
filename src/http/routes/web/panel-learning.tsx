// The panel's learning page: GET /panel/learning (the learning report; with ?draft=<id>, the sign-off for a learned
// draft), POST /panel/learning/drafts (a draft from learned effects alone, with the exploration setting) and
// POST /panel/learning/drafts/:id/publish (sign off and publish). Same services as the API.
import type { Context, Hono } from 'hono';
import type { EvidenceSetRecord } from '../../../repos/evidence-sets.js';
import { evidenceSetById } from '../../../services/evidence-find.js';
import type { FieldError } from '../../../web/components/forms.js';
import { PanelLearningPage, type LearnedDraft } from '../../../web/pages/panel-learning.js';
import type { AppEnv } from '../../env.js';
import { aggregateDraft, createDraft, publishDraft } from '../../../services/evidence-sets.js';
import { learningBasisOf } from '../../../services/learning.js';
import { learningReport } from '../../../services/learning-report.js';
import { requireWebUser } from './guard.js';
import { respond } from './render.js';
import { serviceDeps } from '../../service-deps.js';

type C = Context<AppEnv>;
const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** A learned draft the page can sign off: a draft whose last aggregation used learned effects. */
function learnedDraft(record: EvidenceSetRecord | null): LearnedDraft | null {
  const basis = record?.status === 'draft' ? learningBasisOf(record.aggregation) : null;
  if (!record || !basis) return null;
  const changes = (record.aggregation as { changes?: unknown[] }).changes?.length ?? 0;
  return { id: record.id, changes, observations: basis.observations };
}

async function page(c: C, draft: LearnedDraft | null, errors: FieldError[] = [], status: 200 | 409 | 422 = 200): Promise<Response> {
  const notice = c.req.query('notice') === 'published' ? 'Published. The learned set is now in force for every new pathway.' : undefined;
  return respond(
    c,
    { title: 'What check-ins have taught', section: 'panel', status: errors.length ? status : 200, hasErrors: errors.length > 0 },
    <PanelLearningPage token={c.get('csrfToken')} report={await learningReport(serviceDeps(c))} draft={draft} errors={errors} notice={notice} />,
  );
}

/** A whole number in lo..hi from a form field, or an error naming it. */
function numberField(form: Record<string, unknown>, field: string, lo: number, hi: number, what: string, errors: FieldError[]): number {
  const raw = str(form[field]);
  const n = Number(raw);
  if (!raw || !Number.isFinite(n) || n < lo || n > hi) errors.push({ field, text: `Enter ${what} from ${lo} to ${hi}` });
  return n;
}

export function registerPanelLearning(app: Hono<AppEnv>): void {
  const panel = requireWebUser(['panel', 'admin']);

  app.get('/panel/learning', panel, async (c) => {
    const id = c.req.query('draft');
    return page(c, id ? learnedDraft(await evidenceSetById(serviceDeps(c), id)) : null);
  });

  app.post('/panel/learning/drafts', panel, async (c) => {
    const form = await c.req.parseBody();
    const errors: FieldError[] = [];
    const minObservations = numberField(form, 'minObservations', 1, 100000, 'a number of observations', errors);
    const margin = numberField(form, 'margin', 0, 100, 'a margin in percent', errors);
    const maxLoss = numberField(form, 'maxLoss', 0, 10, 'a share in percent', errors);
    if (errors.length) return page(c, null, errors, 422);
    const made = await createDraft(serviceDeps(c), { provenance: { panel: 'Learned effects', members: [], notes: 'Drafted from check-ins on the learning page' } });
    if (!made.ok) return page(c, null, [{ field: 'minObservations', text: 'Another draft was started at the same moment. Try again.' }], 409);
    const done = await aggregateDraft(serviceDeps(c), made.value, { useLearnedEffects: true, minObservations: Math.floor(minObservations), exploration: { margin: margin / 100, maxLossShare: maxLoss / 100 } });
    if (!done.ok) return page(c, null, [{ field: 'minObservations', text: 'The draft could not be built. Reload the page and try again.' }], 409);
    return c.redirect(`/panel/learning?draft=${encodeURIComponent(made.value.id)}`, 303);
  });

  app.post('/panel/learning/drafts/:id/publish', panel, async (c) => {
    const record = await evidenceSetById(serviceDeps(c), c.req.param('id'));
    const draft = learnedDraft(record);
    if (!record || !draft) return page(c, null, [{ field: 'minObservations', text: 'That is not a draft built from learned effects. Draft one below.' }], 409);
    const form = await c.req.parseBody();
    const errors: FieldError[] = [];
    if (!str(form.signedOffBy)) errors.push({ field: 'signedOffBy', text: 'Enter the name of the person signing off the learned figures' });
    if (form.confirm !== 'yes') errors.push({ field: 'confirm', text: 'Confirm that you have checked the learned figures, their intervals and the preview' });
    if (errors.length) return page(c, draft, errors, 422);
    const done = await publishDraft(serviceDeps(c), record, str(form.signedOffBy));
    if (!done.ok) {
      const text = done.reason === 'stale' ? `Another set was published since this draft was started. Draft again below.` : 'The draft could not be published. Reload the page.';
      return page(c, null, [{ field: 'minObservations', text }], 409);
    }
    return c.redirect('/panel/learning?notice=published', 303);
  });
}
