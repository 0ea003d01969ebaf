/**
 * The office's quarter summary (`npm run report`, `src/lib/office/quarter-summary.ts`) on results made by hand:
 * what it compares a quarter with. `test/unit/office.test.ts` runs the command on the fixture.
 */
import { describe, expect, it } from 'vitest';
import { quarterSummary } from '../../src/lib/office/quarter-summary.ts';
import type { QuarterResult } from '../../src/lib/scoring/score.ts';
import type { Release } from '../../src/lib/releases.ts';
import type { QuarterId } from '../../src/lib/quarters.ts';

/** A quarter with one town of the given score and grade. */
const quarter = (q: QuarterId, score: number, grade: 'red' | 'blue' | 'yellow') =>
	({
		quarter: q,
		rubric: 2022,
		units: [
			{ id: 't1', name: '甲镇', category: 'town', score, grade, scoreGrade: grade, rank: 1, overrides: [] },
		],
	}) as unknown as QuarterResult;

const release = (q: QuarterId, releasedOn: string): [QuarterId, Release] => [
	q,
	{ quarter: q, releasedOn, docNumber: '淮信用办〔2022〕2号' },
];

describe('the quarter summary', () => {
	it('compares with the latest released quarter before it, skipping a draft in between', () => {
		// 2022-Q1 released (yellow, 50.0); 2022-Q2 a draft (red, 90.0); 2022-Q3 released (blue, 70.0): +20.0 on Q1.
		const lines = quarterSummary(
			[quarter('2022-Q1', 50, 'yellow'), quarter('2022-Q2', 90, 'red'), quarter('2022-Q3', 70, 'blue')],
			'2022-Q3',
			'2026-11-22',
			{ releases: new Map([release('2022-Q1', '2022-04-20'), release('2022-Q3', '2022-10-20')]) },
		);
		expect(lines).toContain(
			'与上一个已发布的评价季度（2022年第一季度）相比：等次上升 1 个，下降 0 个，不变 0 个。',
		);
		expect(lines).toContain('  等次上升：甲镇 黄名单 → 蓝名单（+20.0）');
		expect(lines).toContain('  得分升幅最大：甲镇 +20.0');
	});
});
