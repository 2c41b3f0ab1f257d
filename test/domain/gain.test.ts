import { describe, expect, it } from 'vitest';
import { gainFactor, headroomFactor, levelFit, levelFitExact, strengthFactor } from '../../src/domain/gain.js';

describe('gain model', () => {
  it('is calibrated so expectedImpact is the rise at the right level and confidence 0.5', () => {
    expect(gainFactor(1, 0.5)).toBeCloseTo(1, 4); // intermediate peaks at 0.5, headroom factor 1 there
    expect(headroomFactor(0.5)).toBe(1);
  });

  it('shrinks with the remaining headroom, so a second module on a raised area gains less', () => {
    expect(headroomFactor(1)).toBe(0);
    expect(headroomFactor(0.75)).toBeCloseTo(0.5, 12);
    expect(gainFactor(1, 0.8)).toBeCloseTo(levelFitExact(1, 0.8) * 0.4, 4);
    expect(gainFactor(0, 0.2)).toBeCloseTo(levelFitExact(0, 0.2) * 1.6, 4);
  });

  it('suits foundation to low confidence and advanced to high', () => {
    expect(levelFitExact(0, 0.2)).toBeGreaterThan(0.9);
    expect(levelFitExact(0, 0.85)).toBeLessThan(0.3);
    expect(levelFitExact(2, 0.2)).toBeLessThan(0.3);
    expect(levelFitExact(2, 0.8)).toBeGreaterThan(0.9);
    for (const c of [0, 0.13, 0.5, 0.77, 1]) for (const l of [0, 1, 2]) expect(levelFit(l, c)).toBeCloseTo(levelFitExact(l, c), 4);
  });

  it('discounts weak evidence', () => {
    expect(strengthFactor(0)).toBeCloseTo(0.4, 12);
    expect(strengthFactor(5)).toBeCloseTo(1, 12);
    expect(strengthFactor(9)).toBeCloseTo(1, 12);
  });
});
