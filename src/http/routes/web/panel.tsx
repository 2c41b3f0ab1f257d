// The panel console for signed-in panel members (and admins): /panel (sets, start a draft), /panel/sets/:id (a
// set; a draft's judgements, upload, aggregate, publish) and /panel/sets/:id/preview (impact of a draft).
import type { Context, Hono } from 'hono';
import type { AggregationReport } from '../../../domain/panel/index.js';
import type { EvidenceSetRecord } from '../../../repos/evidence-sets.js';
import { evidenceSetById, judgementsOf, latestEvidenceSets } from '../../../services/evidence-find.js';
import type { FieldError } from '../../../web/components/forms.js';
import { NotFoundPage } from '../../../web/pages/message.js';
import { PanelPage } from '../../../web/pages/panel.js';
import { PanelPreviewPage } from '../../../web/pages/panel-preview.js';
import { PanelSetPage } from '../../../web/pages/panel-set.js';
import type { AppEnv } from '../../env.js';
import { evidenceInForce } from '../../../services/evidence-cache.js';
import { aggregationBasis } from '../../../services/evidence-sets.js';
import { requireWebUser } from './guard.js';
import { readJudgements } from './judgement-csv.js';
import { aggregateDraft, createDraft, previewDraft, publishDraft, storeJudgements } from './panel-actions.js';
import { respond } from './render.js';
import { serviceDeps } from '../../service-deps.js';
import type { RecomputeSection } from '../../../web/pages/panel-recompute.js';
import { recomputeStatusOf, startRecompute } from '../../../services/recompute.js';
import type { Logger } from '../../logger.js';
import { runInBackground } from '../../recompute-background.js';
import { currentUser } from './web-user.js';

type C = Context<AppEnv>;
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const NOTICES: Readonly<Record<string, string>> = {
  created: 'Draft started. Upload the panel’s judgements next.',
  uploaded: 'Judgements saved.',
  aggregated: 'Judgements aggregated. Check the weights and flags below.',
  published: 'Published. This set is now in force for every new pathway. Pathways already made can be re-planned under it below.',
  recompute: 'Re-planning started. It runs in the background; this page shows how far it has got.',
};

/** Names for ids: areas, modules and broad groups; unknown ids are shown as they are. */
function labeller(c: C): (id: string) => string {
  const content = c.get('content');
  const names = new Map<string, string>([...content.taxonomy.areas.map((a) => [a.id, a.name] as const), ...content.catalogue.modules.map((m) => [m.id, m.title] as const)]);
  return (id) => names.get(id) ?? id;
}

/** The re-plan section of a set that is not a draft: whether it is in force, who may start it, and its newest job. */
async function recomputeSection(c: C, record: EvidenceSetRecord, errors: readonly FieldError[]): Promise<RecomputeSection | undefined> {
  if (record.status === 'draft') return undefined;
  const base = `/panel/sets/${encodeURIComponent(record.id)}`;
  return {
    ...(await recomputeStatusOf(serviceDeps(c), record.id)),
    canStart: currentUser(c)?.role === 'admin',
    token: c.get('csrfToken'),
    action: `${base}/recompute`,
    pageHref: base,
    error: errors.find((e) => e.field === 'recompute')?.text,
  };
}

async function setPage(c: C, record: EvidenceSetRecord, errors: FieldError[] = [], pasted?: string, status: 200 | 409 | 422 = 200): Promise<Response> {
  const judgements = await judgementsOf(serviceDeps(c), record.id);
  const aggregation = (record.aggregation ?? null) as (AggregationReport & { aggregatedAt: string; basis?: string }) | null;
  return respond(
    c,
    { title: `Evidence set ${record.id}`, section: 'panel', status: errors.length ? status === 200 ? 422 : status : 200, hasErrors: errors.length > 0 },
    <PanelSetPage
      token={c.get('csrfToken')}
      status={record.status}
      body={record.body}
      basedOn={record.basedOn}
      judgements={judgements.map((j) => ({ expert: j.expert, weight: j.weight, submittedAt: j.submittedAt }))}
      aggregation={aggregation}
      stale={!!aggregation && aggregation.basis !== aggregationBasis(judgements)}
      errors={errors}
      notice={NOTICES[c.req.query('notice') ?? '']}
      label={labeller(c)}
      pasted={pasted}
      recompute={await recomputeSection(c, record, errors)}
    />,
  );
}

const problemsAsErrors = (field: string, problems: readonly string[]): FieldError[] => problems.slice(0, 20).map((text) => ({ field, text }));

export function registerPanel(app: Hono<AppEnv>, logger: Logger): void {
  const panel = requireWebUser(['panel', 'admin']);

  const listPage = async (c: C, errors: FieldError[] = [], values: { panel?: string; members?: string; notes?: string } = {}) => {
    await evidenceInForce(serviceDeps(c)); // seeds the shipped set on an empty database, as the API does
    const sets = await latestEvidenceSets(serviceDeps(c), 100);
    const lines = [];
    for (const s of sets) {
      lines.push({
        id: s.id,
        version: s.version,
        status: s.status,
        panel: s.body.provenance.panel,
        date: s.body.provenance.date,
        judgements: s.status === 'draft' ? (await judgementsOf(serviceDeps(c), s.id)).length : null,
      });
    }
    return respond(c, { title: 'Evidence panel', section: 'panel', status: errors.length ? 422 : 200, hasErrors: errors.length > 0 }, <PanelPage token={c.get('csrfToken')} sets={lines} errors={errors} values={values} />);
  };

  app.get('/panel', panel, (c) => listPage(c));

  app.post('/panel/sets', panel, async (c) => {
    const form = await c.req.parseBody();
    const values = { panel: str(form.panel).trim(), members: str(form.members).trim(), notes: str(form.notes).trim() };
    const errors: FieldError[] = [];
    if (!values.panel) errors.push({ field: 'panel', text: 'Enter the panel’s name' });
    else if (values.panel.length > 200) errors.push({ field: 'panel', text: 'The panel’s name must be 200 characters or fewer' });
    if (values.notes.length > 5000) errors.push({ field: 'notes', text: 'Notes must be 5,000 characters or fewer' });
    if (errors.length) return listPage(c, errors, values);
    const members = values.members ? values.members.split(',').map((m) => m.trim()).filter(Boolean).slice(0, 100) : [];
    const made = await createDraft(c, { panel: values.panel, members, notes: values.notes });
    if (!made.ok) return listPage(c, problemsAsErrors('panel', made.problems), values);
    return c.redirect(`/panel/sets/${encodeURIComponent(made.value)}?notice=created`, 303);
  });

  const findSet = async (c: C) => evidenceSetById(serviceDeps(c), c.req.param('id') ?? '');
  const notFound = (c: C) => respond(c, { title: 'Page not found', status: 404 }, <NotFoundPage />);
  const notDraft = (c: C, record: EvidenceSetRecord) => setPage(c, record, [{ field: 'main', text: 'This set is no longer a draft, so it cannot change. Start a new draft.' }], undefined, 409);

  app.get('/panel/sets/:id', panel, async (c) => {
    const record = await findSet(c);
    return record ? setPage(c, record) : notFound(c);
  });

  app.post('/panel/sets/:id/judgements', panel, async (c) => {
    const record = await findSet(c);
    if (!record) return notFound(c);
    if (record.status !== 'draft') return notDraft(c, record);
    const form = await c.req.parseBody();
    const file = form.file;
    const pasted = str(form.pasted);
    const text = file instanceof File && file.size > 0 ? await file.text() : pasted;
    if (!text.trim()) return setPage(c, record, [{ field: 'file', text: 'Choose a CSV or JSON file, or paste the judgements' }]);
    const read = readJudgements(text);
    if (read.errors.length) return setPage(c, record, problemsAsErrors('file', read.errors.map((e) => (e.row ? `Row ${e.row}: ${e.message}` : e.message))), pasted || undefined);
    const stored = await storeJudgements(c, record, read.submissions);
    if (!stored.ok) return setPage(c, record, problemsAsErrors('file', stored.problems), pasted || undefined);
    return c.redirect(`/panel/sets/${encodeURIComponent(record.id)}?notice=uploaded`, 303);
  });

  app.post('/panel/sets/:id/aggregate', panel, async (c) => {
    const record = await findSet(c);
    if (!record) return notFound(c);
    if (record.status !== 'draft') return notDraft(c, record);
    const done = await aggregateDraft(c, record);
    if (!done.ok) return setPage(c, record, problemsAsErrors('file', done.problems));
    return c.redirect(`/panel/sets/${encodeURIComponent(record.id)}?notice=aggregated`, 303);
  });

  app.get('/panel/sets/:id/preview', panel, async (c) => {
    const record = await findSet(c);
    if (!record) return notFound(c);
    if (record.status !== 'draft') return notDraft(c, record);
    return respond(c, { title: `What would change – ${record.id}`, section: 'panel' }, <PanelPreviewPage preview={await previewDraft(c, record)} label={labeller(c)} />);
  });

  app.post('/panel/sets/:id/publish', panel, async (c) => {
    const record = await findSet(c);
    if (!record) return notFound(c);
    if (record.status !== 'draft') return notDraft(c, record);
    const form = await c.req.parseBody();
    if (form.confirm !== 'yes') return setPage(c, record, [{ field: 'confirm', text: 'Confirm that you have checked the weights, the flags and the preview' }]);
    const done = await publishDraft(c, record);
    if (!done.ok) return setPage(c, record, problemsAsErrors('confirm', done.problems), undefined, 409);
    return c.redirect(`/panel/sets/${encodeURIComponent(record.id)}?notice=published`, 303);
  });

  // Re-plan every person's latest pathway under the set in force (admins): the API's recompute job, started here.
  app.post('/panel/sets/:id/recompute', requireWebUser(['admin']), async (c) => {
    const record = await findSet(c);
    if (!record) return notFound(c);
    if (record.status === 'draft') return setPage(c, record, [{ field: 'main', text: 'Publish this set before re-planning pathways under it.' }], undefined, 409);
    const deps = serviceDeps(c);
    const started = await startRecompute(deps, record.id);
    if (!started.ok) {
      const text = started.reason === 'running' ? 'A re-plan is already running. Wait for it to finish.' : 'Only the set in force can be re-planned under.';
      return setPage(c, record, [{ field: 'recompute', text }], undefined, 409);
    }
    runInBackground(deps, started.value.id, logger);
    return c.redirect(`/panel/sets/${encodeURIComponent(record.id)}?notice=recompute`, 303);
  });
}
