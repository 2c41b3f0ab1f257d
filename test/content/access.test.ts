// The shipped catalogue says where training is: a provider and a confirmed free address for most modules, and plain
// words for staff where no course is linked yet. Every address is recorded in data/README.md with its confirmation.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getShippedContent } from '../../src/content/bundled.js';
import { DEVELOPER_NOTES, fleschReadingEase, unexpandedAcronyms } from '../../src/content/readability.js';

const { catalogue } = getShippedContent();
const readme = readFileSync(new URL('../../data/README.md', import.meta.url), 'utf8');

describe('where shipped modules are taken', () => {
  const linked = catalogue.modules.filter((m) => m.url !== undefined);

  it('links at least half the modules to free resources on several providers’ sites', () => {
    expect(linked.length * 2).toBeGreaterThanOrEqual(catalogue.modules.length);
    for (const m of linked) {
      expect(m.url, m.id).toMatch(/^https:\/\/[a-z0-9.-]+\//i);
      expect(m.cost, m.id).toBe('free');
    }
    const hosts = new Set(linked.map((m) => new URL(m.url!).hostname.replace(/^(www|v2)\./, '')));
    expect(hosts.size).toBeGreaterThanOrEqual(5);
    expect(new Set(linked.map((m) => m.provider)).size).toBeGreaterThanOrEqual(5);
  });

  it('records every address, per module, in data/README.md', () => {
    for (const m of linked) {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${m.id}\` |`));
      expect(row, m.id).toBeDefined();
      expect(row, m.id).toContain(m.url!);
    }
  });

  it('tells staff in plain words when no course is linked yet', () => {
    for (const m of catalogue.modules.filter((x) => x.url === undefined && x.sessions === undefined && x.materials === undefined)) {
      expect(m.illustrative, m.id).toMatch(/not linked|no course/i);
    }
  });
});

describe('staff-facing catalogue text', () => {
  const texts = catalogue.modules.flatMap((m) => [m.title, m.summary, ...m.outcomes, m.illustrative ?? '', m.provider ?? '']);

  it('carries no notes meant for developers', () => {
    expect(catalogue.notice).not.toMatch(DEVELOPER_NOTES);
    for (const t of texts) expect(t).not.toMatch(DEVELOPER_NOTES);
  });

  it('summaries read as plain English (Flesch reading ease 50 or more overall, no summary below 30)', () => {
    expect(fleschReadingEase(catalogue.modules.map((m) => m.summary))).toBeGreaterThanOrEqual(50);
    for (const m of catalogue.modules) expect(fleschReadingEase([m.summary]), m.id).toBeGreaterThanOrEqual(30);
  });

  it('spells out each acronym where a summary first uses it', () => {
    for (const m of catalogue.modules) expect(unexpandedAcronyms(m.summary), m.id).toEqual([]);
  });
});
