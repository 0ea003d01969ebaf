import { describe, expect, it } from 'vitest';
import { arithmeticLines, type RecomputeReport } from '../../src/lib/recompute/recompute.ts';

/** The fields of a recomputation report that its arithmetic lines read. */
const report = (totalPoints: number, score: number) =>
	({
		totalPoints,
		maxPoints: 95,
		score,
		thresholds: { red: 85, blue: 60 },
		scoreGrade: 'yellow',
		grade: 'yellow',
		overrides: [],
		rank: 22,
		ranked: 22,
		previous: '2026-Q2',
		change: null,
	}) as unknown as RecomputeReport;

describe('the arithmetic lines of 复算', () => {
	it('says the score is kept within 0–100 when deductions take the total below 0, so the line adds up', () => {
		// 100 × −9.5 ÷ 95 = −10.0: the published 0.0 is the floor of the range.
		expect(arithmeticLines(report(-9.5, 0))[0]).toBe(
			'合计 -9.5 分，适用指标满分之和 95 分；得分 = 100 × -9.5 ÷ 95，四舍五入保留一位小数，限定在 0～100 分 = 0.0 分',
		);
		expect(arithmeticLines(report(80.71, 85))[0]).toBe(
			'合计 80.71 分，适用指标满分之和 95 分；得分 = 100 × 80.71 ÷ 95，四舍五入保留一位小数 = 85.0 分',
		);
	});
});
