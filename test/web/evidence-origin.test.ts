// "How this plan was made" says plainly who made the evidence ratings: the shipped starting set says no expert panel
// has reviewed it (never that one did), a panel's set names the panel, and learned effects say so.
import { afterAll, describe, expect, it } from 'vitest';
import { getShippedContent } from '../../src/content/bundled.js';
import { evidenceOrigin } from '../../src/web/staff-text.js';
import { makeNodeApp } from '../helpers/node-app.js';
import { WebClient } from './client.js';
import { completeJourney } from './journey-helpers.js';

const shipped = getShippedContent().evidence.provenance;
const env = makeNodeApp();
afterAll(() => env.close());

describe('who made the evidence ratings, in plain words', () => {
  it('says the shipped set is a desk review not yet reviewed by a panel', () => {
    const text = evidenceOrigin(shipped);
    expect(text).toContain('desk review of published research and guidance');
    expect(text).toContain('not yet been reviewed by an expert panel');
    expect(text).toContain('(22 November 2026)');
    expect(text).not.toMatch(/Interim|researcher set|Agreed by/);
  });

  it('names the panel of a set a panel agreed, and says when check-ins updated it', () => {
    const panel = { ...shipped, panel: 'SEND advisory panel, spring 2027 round', notes: 'Aggregated judgements of five experts.', date: '2027-03-01' };
    expect(evidenceOrigin(panel)).toBe('Agreed by SEND advisory panel, spring 2027 round (1 March 2027).');
    const learned = { ...panel, learning: { signedOffBy: 'A Chair', signedOffAt: '2027-03-01', observations: 1234, window: { from: null, to: null }, modulesLearned: 3, minObservations: 20 } };
    expect(evidenceOrigin(learned)).toContain('updated with what 1,234 check-ins showed');
  });

  it('shows it under “How this plan was made” on the pathway page', async () => {
    const w = new WebClient(env.app);
    await completeJourney(w);
    const page = await w.page('/pathway');
    const part = page.html.slice(page.html.indexOf('How this plan was made'));
    expect(part).toContain('<dt>Evidence ratings</dt>');
    expect(part).toContain('It has not yet been reviewed by an expert panel');
    expect(part).toContain('Reference: national-v1.');
  });
});
