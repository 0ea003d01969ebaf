/**
 * The summary `npm run report -- <季度>` prints (`src/lib/office/quarter-summary.ts`), on hand-made results: which
 * quarter it compares with, how many units it lists, and how it writes a change. Every expectation is counted by hand.
 */
import { describe, expect, it } from 'vitest';
import { quarterSummary } from '../../src/lib/office/quarter-summary.ts';
import type { QuarterResult, UnitResult } from '../../src/lib/scoring/score.ts';
import type { QuarterId } from '../../src/lib/quarters.ts';
import type { Release } from '../../src/lib/releases.ts';
import type { Grade, UnitCategory } from '../../src/schemas/enums.ts';

const unit = (id: string, name: string, category: UnitCategory, score: number, grade: Grade, rank: number) =>
	({
		id,
		name,
		category,
		score,
		grade,
		scoreGrade: grade,
		rank,
		overrides: [],
		records: [],
	}) as unknown as UnitResult;
const quarter = (q: QuarterId, units: UnitResult[]) =>
	({ quarter: q, rubric: 2022, units }) as unknown as QuarterResult;
const TOWNS = ['一镇', '二镇', '三镇', '四镇', '五镇', '六镇'];
const towns = (scores: number[], grades: Grade[]) => {
	const order = scores.map((_, i) => i).sort((a, b) => scores[b] - scores[a]);
	return order.map((i, k) => unit(`t${i + 1}`, TOWNS[i], 'town', scores[i], grades[i], k + 1));
};
const GRADES: Grade[] = ['blue', 'blue', 'blue', 'blue', 'red', 'yellow'];

// 2022-Q1 released; 2022-Q2 a draft; 2022-Q3 the draft summarised. Towns from Q1 to Q3: 一镇 +3.0, 二镇 +3.0,
// 三镇 +1.0, 四镇 +0.5, 五镇 0, 六镇 −2.0, no grade changes. Seven A units are new in Q3; 开发区 is gone.
const Q1 = quarter('2022-Q1', [
	...towns([50, 60, 70, 80, 90, 40], GRADES),
	unit('p1', '开发区', 'park', 60, 'blue', 1),
]);
const Q2 = quarter(
	'2022-Q2',
	towns([0, 0, 0, 0, 0, 0], ['yellow', 'yellow', 'yellow', 'yellow', 'yellow', 'yellow']),
);
const A = ['甲局', '乙局', '丙局', '丁局', '戊局', '己局', '庚局'];
const Q3 = quarter('2022-Q3', [
	...towns([53, 63, 71, 80.5, 90, 38], GRADES),
	...A.map((name, i) => unit(`a${i + 1}`, name, 'A', 95 - 5 * i, 'blue', i + 1)),
]);
const releases = new Map<QuarterId, Release>([
	['2022-Q1', { quarter: '2022-Q1', releasedOn: '2022-04-20', docNumber: '淮信用办〔2022〕2号' } as Release],
]);

describe('the quarter summary', () => {
	const lines = quarterSummary([Q3, Q1, Q2], '2022-Q3', '2026-11-22', { releases });

	it('compares with the last released quarter, not a draft in between, and says it is not the quarter before', () => {
		expect(lines).toContain(
			'与上一个已发布的评价季度（2022年第一季度）相比：等次上升 0 个，下降 0 个，不变 6 个；新参加评价 7 个；不再参加评价 1 个。',
		);
		expect(lines).toContain('五、与上一个已发布的评价季度（2022年第一季度）相比');
	});

	it('lists a category of six in full, and of seven by its first and last three', () => {
		expect(lines).toContain(
			'  名次：1. 五镇 90.0（红名单）；2. 四镇 80.5（蓝名单）；3. 三镇 71.0（蓝名单）；4. 二镇 63.0（蓝名单）；5. 一镇 53.0（蓝名单）；6. 六镇 38.0（黄名单）',
		);
		expect(lines).toContain(
			'  前三名：1. 甲局 95.0（蓝名单）；2. 乙局 90.0（蓝名单）；3. 丙局 85.0（蓝名单）',
		);
		expect(lines).toContain(
			'  后三名：5. 戊局 75.0（蓝名单）；6. 己局 70.0（蓝名单）；7. 庚局 65.0（蓝名单）',
		);
	});

	it('names the three largest rises (ties by id) and the falls, and writes no change as 0.0 without a sign', () => {
		expect(lines).toContain('  得分升幅最大：一镇 +3.0；二镇 +3.0；三镇 +1.0');
		expect(lines).toContain('  得分降幅最大：六镇 -2.0');
		expect(lines).toContain('  新参加评价：甲局、乙局、丙局、丁局、戊局、己局、庚局');
		expect(lines).toContain('  不再参加评价：开发区');
		const five = lines.find((l) => l.startsWith('  五镇 '))!;
		expect(five).toMatch(/红名单 +0\.0$/);
		expect(lines.find((l) => l.startsWith('  甲局 '))).toMatch(/蓝名单 +无$/);
	});
});

describe('a grade that rose since the last released quarter', () => {
	it('is counted and listed against that quarter, with its score change', () => {
		// 2022-Q1 released (yellow, 50.0); 2022-Q2 a draft (red, 90.0); 2022-Q3 released (blue, 70.0): +20.0 on Q1.
		const town = (score: number, grade: Grade) => [unit('t1', '甲镇', 'town', score, grade, 1)];
		const released = new Map<QuarterId, Release>([
			...releases,
			[
				'2022-Q3',
				{ quarter: '2022-Q3', releasedOn: '2022-10-20', docNumber: '淮信用办〔2022〕8号' } as Release,
			],
		]);
		const lines = quarterSummary(
			[
				quarter('2022-Q1', town(50, 'yellow')),
				quarter('2022-Q2', town(90, 'red')),
				quarter('2022-Q3', town(70, 'blue')),
			],
			'2022-Q3',
			'2026-11-22',
			{ releases: released },
		);
		expect(lines).toContain(
			'与上一个已发布的评价季度（2022年第一季度）相比：等次上升 1 个，下降 0 个，不变 0 个。',
		);
		expect(lines).toContain('  等次上升：甲镇 黄名单 → 蓝名单（+20.0）');
		expect(lines).toContain('  得分升幅最大：甲镇 +20.0');
	});
});
