// Structural checks on rendered HTML that need no DOM: one h1, landmarks, skip link, labels, no inline style or script.
import { expect } from 'vitest';

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** Asserts the page shell and form rules every page must keep. */
export function expectAccessibleShell(html: string): void {
  expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
  expect(html).toMatch(/<html lang="en-GB">/);
  expect(html.match(/<h1[\s>]/g) ?? [], 'exactly one h1').toHaveLength(1);
  expect(html).toMatch(/<a class="skip-link" href="#main">/);
  expect(html).toMatch(/<main id="main"/);
  expect(html).toMatch(/<header class="site">/);
  expect(html).toMatch(/<nav aria-label="Main">/);
  expect(html).toMatch(/<footer class="site">/);
  expect(html, 'no style attributes (CSP)').not.toMatch(/\sstyle="/);
  expect(html, 'no inline <style> (CSP)').not.toMatch(/<style[\s>]/);
  expect(html, 'no inline scripts (CSP)').not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
  expect(html, 'no inline event handlers').not.toMatch(/\son[a-z]+="/);
  expectLabelledControls(html);
  expectUniqueIds(html);
}

/** Every visible input, select and textarea has a <label for> with its id; every radio/checkbox sits in a fieldset with a legend. */
export function expectLabelledControls(html: string): void {
  const labels = new Set([...html.matchAll(/<label[^>]*\sfor="([^"]+)"/g)].map((m) => m[1]));
  for (const m of html.matchAll(/<(input|select|textarea)\b[^>]*>/g)) {
    const tag = m[0];
    const type = attr(tag, 'type');
    if (type === 'hidden' || type === 'submit') continue;
    const id = attr(tag, 'id');
    expect(id, `control without id: ${tag}`).toBeTruthy();
    expect(labels.has(id!), `no label for #${id}`).toBe(true);
  }
  const fieldsets = html.split('<fieldset').slice(1);
  for (const f of fieldsets) expect(f, 'fieldset without legend').toMatch(/^[^>]*>\s*<legend/);
  const radios = (html.match(/type="(radio|checkbox)"/g) ?? []).length;
  if (radios) expect(fieldsets.length).toBeGreaterThan(0);
}

export function expectUniqueIds(html: string): void {
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
  const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
  expect(dupes, 'duplicate ids').toEqual([]);
}

/** Every link in the error summary points at an element id on the page. */
export function expectErrorSummaryLinks(html: string): string[] {
  const box = /<div class="error-summary"[\s\S]*?<\/div>/.exec(html)?.[0];
  expect(box, 'error summary present').toBeTruthy();
  expect(box).toMatch(/There is a problem/);
  const targets = [...box!.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
  expect(targets.length).toBeGreaterThan(0);
  for (const t of targets) expect(html, `error link target #${t}`).toContain(`id="${t}"`);
  return targets;
}
