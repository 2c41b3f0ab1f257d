// The re-plan section of a published set's page, as each state renders: none yet (with and without the button), under
// way (a progress bar labelled by its sentence), finished, finished with nobody to re-plan, and a refusal.
import { describe, expect, it } from 'vitest';
import { RecomputeView, type RecomputeSection } from '../../src/web/pages/panel-recompute.js';

const base: RecomputeSection = { inForce: true, canStart: true, job: null, token: 't', action: '/panel/sets/s/recompute', pageHref: '/panel/sets/s' };
const html = async (p: Partial<RecomputeSection>) => String(await (<RecomputeView {...base} {...p} />).toString());
const job = (status: 'running' | 'completed', done: number, total: number) => ({ status, done, total, finishedAt: status === 'completed' ? '2026-12-08T02:00:00.000Z' : null });

describe('the re-plan section of a set page', () => {
  it('offers administrators the button, and tells others who can start it', async () => {
    expect(await html({})).toContain('<button type="submit" id="recompute">Re-plan everyone’s pathways under this set</button>');
    const other = await html({ canStart: false });
    expect(other).not.toContain('<button');
    expect(other).toContain('An administrator can start this from this page.');
  });

  it('shows a re-plan under way as a sentence and a progress bar it labels', async () => {
    const shown = await html({ job: job('running', 250, 1000) });
    expect(shown).toContain('250 of 1,000 people so far (');
    expect(shown).toContain('<progress max="100" value="25" aria-labelledby="recompute-progress">');
    expect(shown).not.toContain('<button');
  });

  it('says when it finished, and says so plainly when there was nobody to re-plan', async () => {
    expect(await html({ job: job('completed', 1, 1) })).toContain('re-planned under this set: 1 person, finished 2026-12-08 02:00.');
    expect(await html({ job: job('completed', 0, 0) })).toContain('There were no pathways to re-plan under this set (checked 2026-12-08 02:00).');
  });

  it('shows nothing for a retired set without a re-plan, and an error where the summary links to', async () => {
    expect(await html({ inForce: false })).toBe('');
    const refused = await html({ inForce: false, error: 'Only the set in force can be re-planned under.' });
    expect(refused).toContain('<h2 id="recompute">');
    expect(refused).toContain('id="recompute-error"');
  });
});
