/**
 * A journalist's check on the demo site: every published score, grade, override and rank is recomputed from the
 * published open-data files alone, with the independent implementation in `test/helpers/recompute.ts` (exact integer
 * rounding, the 失信 caps as the methodology page states them). The small site of `rules-site.test.ts` runs the same
 * check on a score where the exact rule and the float formula disagree.
 */
import { describe, expect, inject, it } from 'vitest';
import { exactScore, floatScore, recomputeSite, recomputeWithSiteModule } from '../helpers/recompute.ts';

describe('open data is enough to recompute every published result', () => {
	it('recomputes score, grade, override, rank and change of every unit in every quarter', () => {
		const r = recomputeSite(inject('distDir'));
		expect(r.mismatches).toEqual([]);
		expect(r.checked).toBeGreaterThan(400);
	});

	it('gives every published result from the open data with the site’s scoring module and its open-data adapter (what 复算 runs)', () => {
		const r = recomputeWithSiteModule(inject('distDir'));
		expect(r.mismatches).toEqual([]);
		expect(r.checked).toBeGreaterThan(400);
	});

	it('rounds exactly where floating point would not: 2.01 of 20 is 10.05, published 10.1 (the float formula says 10.0)', () => {
		expect(exactScore([2.01], 20)).toBe(10.1);
		expect(floatScore([2.01], 20)).toBe(10);
		expect(exactScore([16.99], 20)).toBe(85);
		expect(exactScore([-5, 2], 95)).toBe(0);
	});
});
