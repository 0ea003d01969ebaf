import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
	applyOverrides,
	gradeOf,
	missingCategories,
	normalisedScore,
	ranks,
	recordActiveIn,
	recordCap,
	scoreQuarters,
	unitExistsIn,
	type EvidenceFact,
	type ScoringInput,
	type UnitResult,
} from '../../src/lib/scoring/score.ts';
import { rubricSchema, type Rubric } from '../../src/schemas/rubric.ts';
import type { DishonestyRow } from '../../src/schemas/dishonesty.ts';
import type { QuarterId } from '../../src/lib/quarters.ts';

const rubric2022: Rubric = rubricSchema.parse(
	JSON.parse(readFileSync(join(import.meta.dirname, '../../data/rubrics/2022.json'), 'utf8')),
);
const rubric2023: Rubric = { ...rubric2022, year: 2023 };

let seq = 0;
/** An evidence row; the quarter is derived from the date. */
function ev(
	unitId: string,
	indicatorId: string,
	date: string,
	extra: Partial<EvidenceFact> = {},
): EvidenceFact {
	const m = Number(date.slice(5, 7));
	const quarter = `${date.slice(0, 4)}-Q${Math.floor((m - 1) / 3) + 1}` as QuarterId;
	return { id: `e${++seq}`, unitId, indicatorId, date, what: '事项', source: '信用办', quarter, ...extra };
}

function input(over: Partial<ScoringInput>): ScoringInput {
	return {
		rubrics: new Map([
			[2022, rubric2022],
			[2023, rubric2023],
		]),
		units: [
			{ id: 't1', category: 'town' },
			{ id: 'a1', category: 'A' },
		],
		unitNames: [
			{ unitId: 't1', name: '甲镇' },
			{ unitId: 'a1', name: '区甲局' },
		],
		evidence: [],
		dishonesty: [],
		commitments: [],
		commitmentUpdates: [],
		pledges: [],
		quarters: ['2022-Q1'],
		...over,
	};
}
/** Every order of a few rows: an ordering rule must hold whatever order the office's file lists them in. */
const permutations = <T>(xs: readonly T[]): T[][] =>
	xs.length <= 1
		? [[...xs]]
		: xs.flatMap((x, i) => permutations(xs.filter((_, j) => j !== i)).map((p) => [x, ...p]));
const unit = (results: ReturnType<typeof scoreQuarters>, q: string, id: string): UnitResult =>
	results.find((r) => r.quarter === q)!.units.find((u) => u.id === id)!;

describe('points per counted item with a cap', () => {
	it('caps 8 五进 activities at 8 points, not 12', () => {
		const r = scoreQuarters(input({ evidence: [ev('t1', '3.6', '2022-02-01', { kind: 'item', count: 8 })] }));
		expect(unit(r, '2022-Q1', 't1').points['3.6']).toBe(8);
	});
	it('gives 3.5 per 信用条例 training: one event 3.5, three events capped at 7', () => {
		const one = scoreQuarters(input({ evidence: [ev('t1', '3.5', '2022-02-01')] }));
		expect(unit(one, '2022-Q1', 't1').points['3.5']).toBe(3.5);
		const three = scoreQuarters(input({ evidence: [1, 2, 3].map((d) => ev('t1', '3.5', `2022-02-0${d}`)) }));
		expect(unit(three, '2022-Q1', 't1').points['3.5']).toBe(7);
	});
	it('counts 0.5 per enterprise pledge, one enterprise once, capped at 5', () => {
		const pledge = (i: number, uscc: string) => ({
			id: `p${i}`,
			enterprise: `企业${i}`,
			uscc,
			kinds: ['safety' as const],
			signedOn: '2022-02-01',
			unitId: 't1',
		});
		// Below the cap: 5 pledges from 3 enterprises (U1 signed three times) are 3 × 0.5 = 1.5, not 2.5.
		const few = [pledge(0, 'U1'), pledge(1, 'U2'), pledge(2, 'U1'), pledge(3, 'U3'), pledge(4, 'U1')];
		const r = scoreQuarters(input({ pledges: few }));
		expect(unit(r, '2022-Q1', 't1').points['5.2']).toBe(1.5);
		expect(unit(r, '2022-Q1', 't1').indicators.find((i) => i.id === '5.2')!.pledges).toEqual([
			'p0',
			'p1',
			'p3',
		]);
		// At the cap: 10 enterprises are 5 points, 12 pledges of 11 enterprises are still 5.
		const ten = Array.from({ length: 10 }, (_, i) => pledge(i, `U${i}`));
		expect(unit(scoreQuarters(input({ pledges: ten })), '2022-Q1', 't1').points['5.2']).toBe(5);
		const many = Array.from({ length: 12 }, (_, i) => pledge(i, `U${i % 11}`));
		expect(unit(scoreQuarters(input({ pledges: many })), '2022-Q1', 't1').points['5.2']).toBe(5);
	});
});

describe('done and deductions', () => {
	it('gives full points for 双公示 done, and a spot-check omission takes them back to 0', () => {
		const done = ev('t1', '1.1', '2022-01-10', { kind: 'done' });
		expect(unit(scoreQuarters(input({ evidence: [done] })), '2022-Q1', 't1').points['1.1']).toBe(10);
		const omission = ev('t1', '1.1', '2022-03-01', { kind: 'incident' });
		expect(unit(scoreQuarters(input({ evidence: [done, omission] })), '2022-Q1', 't1').points['1.1']).toBe(0);
	});
	it('takes an indicator negative: 招商引资 5 points minus a 20-point breach is −15', () => {
		const r = scoreQuarters(
			input({
				evidence: [
					ev('t1', '3.2', '2022-01-10', { kind: 'done' }),
					ev('t1', '3.2', '2022-02-10', { kind: 'incident' }),
				],
			}),
		);
		const t1 = unit(r, '2022-Q1', 't1');
		expect(t1.points['3.2']).toBe(-15);
		// The negative points count in the total: 100 × (−15 + 10) ÷ 95 is negative, clamped to 0.
		const withMore = scoreQuarters(
			input({
				evidence: [
					ev('t1', '3.2', '2022-01-10', { kind: 'done' }),
					ev('t1', '3.2', '2022-02-10', { kind: 'incident' }),
					ev('t1', '1.1', '2022-01-10', { kind: 'done' }),
				],
			}),
		);
		expect(unit(withMore, '2022-Q1', 't1').totalPoints).toBe(-5);
		expect(unit(withMore, '2022-Q1', 't1').score).toBe(0);
	});
});

describe('carry-over validity (至次年同月认定的前一季度止)', () => {
	const quarters: QuarterId[] = ['2022-Q1', '2022-Q2', '2022-Q3', '2022-Q4', '2023-Q1'];
	it('keeps 诚信镇 acceptance points for four quarters including the quarter earned, and drops them in the fifth', () => {
		const r = scoreQuarters(
			input({
				quarters,
				evidence: [ev('t1', '5.1', '2022-03-15', { kind: 'judged', points: 16, reason: '验收合格' })],
			}),
		);
		expect(quarters.map((q) => unit(r, q, 't1').points['5.1'])).toEqual([16, 16, 16, 16, 0]);
	});
	it('scores nothing for a 无 row, keeps points carried from an earlier quarter, and lists the row', () => {
		const judged = ev('t1', '5.1', '2022-03-15', { kind: 'judged', points: 16, reason: '验收合格' });
		const none = ev('t1', '5.1', '2022-05-01', { kind: 'none', what: '本季度无新增' });
		const r = scoreQuarters(input({ quarters: ['2022-Q1', '2022-Q2'], evidence: [judged, none] }));
		const q2 = unit(r, '2022-Q2', 't1').indicators.find((i) => i.id === '5.1')!;
		expect(q2.points).toBe(16);
		expect(q2.evidence).toEqual([judged.id, none.id]);
		const alone = scoreQuarters(input({ evidence: [ev('t1', '3.6', '2022-02-01', { kind: 'none' })] }));
		expect(unit(alone, '2022-Q1', 't1').points['3.6']).toBe(0);
	});
	it('caps a judgement carried into a year whose rubric lowers the maximum at the new maximum', () => {
		// 2022: 5.4 创新案例 judged, max 10, valid 4 quarters; 9 awarded in 2022-Q3. 2023 lowers the maximum to 5. In
		// 2023-Q1 (still within the four quarters) the carried 9 counts as 5, never 9 of 5: the town's 95 points in all
		// would otherwise hold 9, and a town with every other point would total 99 of 95 (104.2, shown as 100).
		const lower: Rubric = {
			...rubric2022,
			year: 2023,
			indicators: rubric2022.indicators.map((i) =>
				i.id === '5.4' ? { ...i, max: 5, rule: { kind: 'judged' as const, validQuarters: 4 } } : i,
			),
		};
		const carried: Rubric = {
			...rubric2022,
			indicators: rubric2022.indicators.map((i) =>
				i.id === '5.4' ? { ...i, rule: { kind: 'judged' as const, validQuarters: 4 } } : i,
			),
		};
		const r = scoreQuarters(
			input({
				rubrics: new Map([
					[2022, carried],
					[2023, lower],
				]),
				quarters: ['2022-Q3', '2023-Q1'],
				evidence: [ev('t1', '5.4', '2022-08-10', { kind: 'judged', points: 9, reason: '被市级推广' })],
			}),
		);
		expect(unit(r, '2022-Q3', 't1').points['5.4']).toBe(9);
		const q = unit(r, '2023-Q1', 't1');
		expect(q.points['5.4']).toBe(5);
		expect(q.totalPoints).toBe(5);
		expect(q.indicators.find((i) => i.id === '5.4')!.explain).toBe(
			'评审得分 9（2022年第三季度认定，仍在 4 个季度有效期内），超过本年满分 5 分，按 5 分计',
		);
	});
	it('counts a pledge signed in 2022-Q2 through 2023-Q1 and not in 2023-Q2', () => {
		const r = scoreQuarters(
			input({
				quarters: ['2022-Q1', '2022-Q2', '2023-Q1', '2023-Q2'],
				pledges: [
					{ id: 'p1', enterprise: '甲', uscc: 'X', kinds: ['tax'], signedOn: '2022-06-30', unitId: 't1' },
				],
			}),
		);
		expect(['2022-Q1', '2022-Q2', '2023-Q1', '2023-Q2'].map((q) => unit(r, q, 't1').points['5.2'])).toEqual([
			0, 0.5, 0.5, 0,
		]);
	});
});

describe('commitment coverage (政务诚信承诺)', () => {
	const all = rubric2022.commitmentCategories;
	const commitment = (category: string, i: number) => ({
		id: `k${i}`,
		unitId: 't1',
		category: category as never,
		content: '承诺',
		madeOn: '2021-12-01',
		dueBy: '2022-12-31',
	});
	it('costs 0.5 for one missing category', () => {
		const r = scoreQuarters(input({ commitments: all.slice(1).map(commitment) }));
		expect(unit(r, '2022-Q1', 't1').points['5.3']).toBe(4.5);
		expect(unit(r, '2022-Q1', 't1').indicators.find((i) => i.id === '5.3')!.missingCategories).toEqual([
			all[0],
		]);
	});
	it('costs 1.5 for a town with 3 missing categories', () => {
		const r = scoreQuarters(input({ commitments: all.slice(3).map(commitment) }));
		expect(unit(r, '2022-Q1', 't1').points['5.3']).toBe(3.5);
	});
	it('no longer counts a commitment fulfilled before the quarter began', () => {
		const commitments = all.map(commitment);
		const r = scoreQuarters(
			input({
				quarters: ['2022-Q1', '2022-Q2'],
				commitments,
				commitmentUpdates: [
					{ commitmentId: 'k0', date: '2022-03-20', status: 'fulfilled', evidence: '已兑现' },
				],
			}),
		);
		expect(unit(r, '2022-Q1', 't1').points['5.3']).toBe(5);
		expect(unit(r, '2022-Q2', 't1').points['5.3']).toBe(4.5);
	});
});

describe('categories', () => {
	it('never scores an A-class unit on town-only indicators, and normalises by its own maximum (75)', () => {
		const r = scoreQuarters(input({ evidence: [ev('a1', '3.1', '2022-02-01', { count: 3 })] }));
		const a1 = unit(r, '2022-Q1', 'a1');
		expect(Object.keys(a1.points).sort()).toEqual([
			'1.1',
			'1.2',
			'1.3',
			'2.1',
			'3.1',
			'3.2',
			'3.3',
			'3.4',
			'3.5',
			'3.6',
			'5.4',
		]);
		expect(a1.maxPoints).toBe(75);
		expect(a1.score).toBe(4); // 100 × 3 ÷ 75
	});
	it('scores a unit only in the quarters it exists in', () => {
		const r = scoreQuarters(
			input({
				quarters: ['2022-Q2', '2022-Q3', '2022-Q4'],
				units: [
					{ id: 't1', category: 'town', to: '2022-10-01', mergedInto: 't2' },
					{ id: 't2', category: 'town', from: '2022-07-15' },
				],
			}),
		);
		expect(r.map((q) => q.units.map((u) => u.id))).toEqual([['t1'], ['t1', 't2'], ['t2']]);
	});
});

describe('score and grade', () => {
	it('rounds halves up exactly as a spreadsheet does: 16.99 of 20 is 84.95, published as 85.0 (red)', () => {
		expect(normalisedScore(16.99, 20)).toBe(85);
		expect(gradeOf(85, { red: 85, blue: 60 })).toBe('red');
		expect(gradeOf(84.9, { red: 85, blue: 60 })).toBe('blue');
		expect(gradeOf(59.9, { red: 85, blue: 60 })).toBe('yellow');
	});
	it('stops counting a repaired record from the quarter after its repair', () => {
		const r: DishonestyRow = {
			id: 'SX3',
			unitId: 't1',
			date: '2022-02-01',
			severity: 'minor',
			kind: 'dishonesty',
			what: '逾期',
			source: '法院',
			repairedOn: '2022-05-10',
			repairHow: '已履行',
		};
		expect(
			(['2021-Q4', '2022-Q1', '2022-Q2', '2022-Q3'] as QuarterId[]).map((q) => recordActiveIn(r, q)),
		).toEqual([false, true, true, false]);
	});
	it('ranks ties together: 1, 2, 2, 4', () => {
		expect(ranks([90, 80, 80, 70])).toEqual([1, 2, 2, 4]);
		expect(ranks([50, 70, 70, 90])).toEqual([4, 2, 2, 1]);
	});
	it('reports the change since the previous quarter in one decimal', () => {
		const r = scoreQuarters(
			input({
				quarters: ['2022-Q1', '2022-Q2'],
				evidence: [ev('t1', '3.6', '2022-02-01'), ev('t1', '3.6', '2022-05-01', { count: 3 })],
			}),
		);
		// 1.5 ÷ 95 = 1.6; 4.5 ÷ 95 = 4.7; change +3.1.
		expect([
			unit(r, '2022-Q1', 't1').score,
			unit(r, '2022-Q2', 't1').score,
			unit(r, '2022-Q2', 't1').change,
		]).toEqual([1.6, 4.7, 3.1]);
		expect(unit(r, '2022-Q1', 't1').change).toBeNull();
	});
	it('compares with the previous calendar quarter only, and only when that quarter was released (无 otherwise)', () => {
		const evidence = [
			ev('t1', '3.6', '2022-02-01'),
			ev('t1', '3.6', '2022-05-01', { count: 3 }),
			ev('t1', '3.6', '2022-11-01', { count: 2 }),
		];
		// 2022-Q3 has no file: 2022-Q4 is not compared with 2022-Q2, two quarters earlier.
		const gap = scoreQuarters(input({ quarters: ['2022-Q1', '2022-Q2', '2022-Q4'], evidence }));
		expect(unit(gap, '2022-Q4', 't1').change).toBeNull();
		// 2022-Q1 is a draft: 2022-Q2 has no change although 2022-Q1 was scored.
		const draft = scoreQuarters(
			input({ quarters: ['2022-Q1', '2022-Q2'], evidence, released: new Set(['2022-Q2'] as QuarterId[]) }),
		);
		expect(unit(draft, '2022-Q2', 't1').change).toBeNull();
		const both = scoreQuarters(
			input({
				quarters: ['2022-Q1', '2022-Q2'],
				evidence,
				released: new Set(['2022-Q1', '2022-Q2'] as QuarterId[]),
			}),
		);
		expect(unit(both, '2022-Q2', 't1').change).toBe(3.1);
	});
});

describe('诚信镇（街道）创建 as seed 002 附件1 五 reads (rule kind creditTown)', () => {
	const creditTown: Rubric = {
		...rubric2022,
		indicators: rubric2022.indicators.map((i) =>
			i.id === '5.1' ? { ...i, rule: { kind: 'creditTown', households: 5, base: 5, validQuarters: 4 } } : i,
		),
	};
	const quarters: QuarterId[] = ['2022-Q1', '2022-Q2', '2022-Q3', '2022-Q4', '2023-Q1', '2023-Q2'];
	/** t1's 5.1 in each quarter, 2023 scored by creditTown and 2022 by `first` (creditTown too unless given). */
	const points = (evidence: EvidenceFact[], first = creditTown, qs = quarters) => {
		const r = scoreQuarters(
			input({
				rubrics: new Map([
					[2022, first],
					[2023, { ...creditTown, year: 2023 }],
				]),
				evidence,
				quarters: qs,
			}),
		);
		return qs.map((q) => unit(r, q, 't1').points['5.1']);
	};
	const accepted = (date: string) => ev('t1', '5.1', date, { kind: 'done', what: '信用村（居）验收合格' });
	const households = (date: string, count: number) =>
		ev('t1', '5.1', date, { kind: 'item', count, what: '新增诚信户' });

	it('gives 20 in the quarter of acceptance, then 20 with 5 new 诚信户 or 5 without, for four quarters in all', () => {
		// Q1 accepted 20; Q2 6 new → 20; Q3 3 new → 5; Q4 none → 5; 2023-Q1 the acceptance has lapsed → 0 even with
		// 7 new; 2023-Q2 another village accepted → 20.
		expect(
			points([
				accepted('2022-02-10'),
				households('2022-05-10', 6),
				households('2022-08-10', 3),
				households('2023-02-10', 7),
				accepted('2023-05-10'),
			]),
		).toEqual([20, 20, 5, 5, 0, 20]);
	});
	it('carries an acceptance into a public quarter only from a public one, and into a draft from any', () => {
		const evidence = [accepted('2022-02-10'), households('2022-05-10', 6)];
		const scored = (released: QuarterId[]) =>
			unit(
				scoreQuarters(
					input({
						rubrics: new Map([[2022, creditTown]]),
						evidence,
						quarters: ['2022-Q1', '2022-Q2'],
						released: new Set(released),
					}),
				),
				'2022-Q2',
				't1',
			).points['5.1'];
		// 2022-Q1 public: its acceptance and 6 new 诚信户 give 2022-Q2 its 20.
		expect(scored(['2022-Q1', '2022-Q2'])).toBe(20);
		// 2022-Q1 a draft and 2022-Q2 public: no acceptance public within four quarters, 0.
		expect(scored(['2022-Q2'])).toBe(0);
		// Both drafts (the office's preview): 2022-Q1's acceptance counts, 20.
		expect(scored([])).toBe(20);
	});
	it('counts exactly 5 new 诚信户 as full points and 4 as not, adding the rows of one quarter', () => {
		expect(
			points([accepted('2022-02-10'), households('2022-05-10', 5), households('2022-08-10', 4)]),
		).toEqual([20, 20, 5, 5, 0, 0]);
		expect(
			points([accepted('2022-02-10'), households('2022-05-01', 2), households('2022-06-01', 3)]).slice(0, 2),
		).toEqual([20, 20]);
	});
	it('cites the later of two acceptances of one day, as the file lists them', () => {
		const [first, second] = [accepted('2022-02-10'), accepted('2022-02-10')];
		const r = scoreQuarters(
			input({ rubrics: new Map([[2022, creditTown]]), evidence: [first, second], quarters: ['2022-Q1'] }),
		);
		expect(unit(r, '2022-Q1', 't1').indicators.find((x) => x.id === '5.1')!.evidence).toEqual([second.id]);
	});
	it('counts an acceptance scored in a judged year (评分 above 0) as one, valid into the next year', () => {
		// 2022 scores 5.1 by judgement, 2023 by creditTown. The on-site acceptance of 2022-08-10 (scored 10) is good for
		// 2022-Q3 to 2023-Q2 ("至次年同月认定的前一季度止"): 2023-Q1 without new 诚信户 → 5; 2023-Q2 with 5 → 20;
		// 2023-Q3 lapsed → 0. A 评分 of 0 (not passed) is no acceptance.
		const judgedYear = (evidence: EvidenceFact[]) =>
			points(evidence, rubric2022, ['2022-Q3', '2022-Q4', '2023-Q1', '2023-Q2', '2023-Q3']);
		const scored = (date: string, points: number) =>
			ev('t1', '5.1', date, { kind: 'judged', points, what: '现场验收', reason: '验收评分' });
		expect(judgedYear([scored('2022-08-10', 10), households('2023-05-10', 5)])).toEqual([10, 10, 5, 20, 0]);
		expect(judgedYear([scored('2022-08-10', 0), households('2023-05-10', 5)])).toEqual([0, 0, 0, 0, 0]);
	});
	it('gives nothing for new 诚信户 without an accepted 信用村（居）', () => {
		expect(points([households('2022-05-10', 12)])).toEqual([0, 0, 0, 0, 0, 0]);
	});
	it('says why, with the evidence behind the points', () => {
		const r = scoreQuarters(
			input({
				rubrics: new Map([[2022, creditTown]]),
				evidence: [accepted('2022-02-10'), households('2022-05-10', 3)],
				quarters: ['2022-Q2'],
			}),
		);
		const i = unit(r, '2022-Q2', 't1').indicators.find((x) => x.id === '5.1')!;
		expect(i.explain).toBe(
			'2022年第一季度验收“信用村（居）”合格（4 个季度内有效）；本季度新增“诚信户” 3 户，不足 5 户，计 5 分',
		);
		expect(i.evidence.length).toBe(2);
	});
	it('says which quarter earned the points, and names the rows', () => {
		const explainOf = (evidence: EvidenceFact[], q: QuarterId) => {
			const r = scoreQuarters(input({ rubrics: new Map([[2022, creditTown]]), evidence, quarters: [q] }));
			const i = unit(r, q, 't1').indicators.find((x) => x.id === '5.1')!;
			return { points: i.points, evidence: i.evidence, explain: i.explain };
		};
		const first = accepted('2022-02-10');
		expect(explainOf([first], '2022-Q1')).toEqual({
			points: 20,
			evidence: [first.id],
			explain: '本季度验收“信用村（居）”合格，得 20 分',
		});
		const six = households('2022-05-10', 6);
		expect(explainOf([first, six], '2022-Q2')).toEqual({
			points: 20,
			evidence: [first.id, six.id],
			explain:
				'2022年第一季度验收“信用村（居）”合格（4 个季度内有效）；本季度新增“诚信户” 6 户，满 5 户，得满分 20 分',
		});
		expect(explainOf([six], '2022-Q2')).toEqual({
			points: 0,
			evidence: [],
			explain: '近 4 个季度没有验收合格的“信用村（居）”，0 分',
		});
	});
	it('does not count a blank pre-filled 诚信户 row (no date)', () => {
		expect(
			points([accepted('2022-02-10'), { ...households('2022-05-10', 9), date: undefined }]).slice(0, 2),
		).toEqual([20, 5]);
	});
	it('does not count a 无 row as a new 诚信户: 4 new and a 无 row are not 5', () => {
		const none = ev('t1', '5.1', '2022-06-01', { kind: 'none', what: '本季度无其他新增' });
		expect(points([accepted('2022-02-10'), households('2022-05-10', 4), none]).slice(0, 2)).toEqual([20, 5]);
	});
	it('names the latest acceptance when several fall in one quarter, whatever their order in the file', () => {
		const march = accepted('2022-03-10');
		for (const evidence of permutations([march, accepted('2022-02-10'), accepted('2022-01-10')])) {
			const r = scoreQuarters(
				input({ rubrics: new Map([[2022, creditTown]]), evidence, quarters: ['2022-Q2'] }),
			);
			expect(unit(r, '2022-Q2', 't1').indicators.find((x) => x.id === '5.1')!.evidence).toEqual([march.id]);
		}
	});
});

describe('失信 overrides (seed 002 三(二))', () => {
	/**
	 * An A-class unit (Σ max 75) at two scores, by hand: 1.1 10 + 1.2 5 + 1.3 5 + 3.2 5 + 3.3 5 + 3.4 5 + 2.1 10 +
	 * 5.4 10 + 3.6 (6 × 1.5 = 9, capped at 8) = 63 → 100 × 63 ÷ 75 = 84.0 (blue); with 3.5 (2 × 3.5 = 7) 70 → 93.3 (red).
	 */
	const blueRange = () => [
		...['1.1', '1.2', '1.3', '3.2', '3.3', '3.4'].map((i) => ev('a1', i, '2022-02-01', { kind: 'done' })),
		ev('a1', '2.1', '2022-02-01', { kind: 'judged', points: 10, reason: '理由' }),
		ev('a1', '5.4', '2022-02-01', { kind: 'judged', points: 10, reason: '理由' }),
		ev('a1', '3.6', '2022-02-01', { kind: 'item', count: 6 }),
	];
	const redRange = () => [...blueRange(), ev('a1', '3.5', '2022-02-01', { kind: 'item', count: 2 })];
	const record = (over: Partial<DishonestyRow>): DishonestyRow => ({
		id: 'SX1',
		unitId: 'a1',
		date: '2022-02-01',
		severity: 'minor',
		kind: 'dishonesty',
		what: '逾期办结',
		source: '纪委',
		...over,
	});
	const graded = (evidence: EvidenceFact[], dishonesty: DishonestyRow[], q = '2022-Q1') => {
		const r = scoreQuarters(
			input({ evidence, dishonesty, quarters: ['2022-Q1', '2022-Q2', '2022-Q3', '2022-Q4'] }),
		);
		const u = unit(r, q, 'a1');
		return {
			score: u.score,
			scoreGrade: u.scoreGrade,
			grade: u.grade,
			overrides: u.overrides,
			records: u.records,
		};
	};

	it('scores the two hand-made units at 84.0 (blue) and 93.3 (red) with no record', () => {
		expect(graded(blueRange(), [])).toMatchObject({ score: 84, grade: 'blue', overrides: [] });
		expect(graded(redRange(), [])).toMatchObject({ score: 93.3, grade: 'red', overrides: [] });
	});
	it('keeps a unit with an active 一般失信 record off red: 93.3 is 蓝名单, the record named', () => {
		expect(graded(redRange(), [record({})])).toEqual({
			score: 93.3,
			scoreGrade: 'red',
			grade: 'blue',
			records: ['SX1'],
			overrides: [
				{
					grade: 'blue',
					recordId: 'SX1',
					cause: 'red-needs-no-record',
					reason: '2022-02-01 一般失信记录 SX1（逾期办结）：红名单须“单位无失信行为”，至多列入蓝名单',
				},
			],
		});
	});
	it('leaves a blue-range unit with a 一般失信 record blue, with no override', () => {
		expect(graded(blueRange(), [record({})])).toMatchObject({
			grade: 'blue',
			overrides: [],
			records: ['SX1'],
		});
	});
	it('puts a unit with any 违约 record on yellow: a 一般违约 at 84.0 is 黄名单 ("无违约或较重失信行为")', () => {
		const g = graded(blueRange(), [record({ kind: 'breach', what: '拖欠服务费' })]);
		expect(g.grade).toBe('yellow');
		expect(g.overrides).toEqual([
			{
				grade: 'yellow',
				recordId: 'SX1',
				cause: 'breach',
				reason: '2022-02-01 一般违约记录 SX1（拖欠服务费）：蓝名单须“单位无违约或较重失信行为”，列入黄名单',
			},
		]);
	});
	it('puts a unit with a 较重失信 record on yellow at 84.0 and at 93.3', () => {
		for (const evidence of [blueRange(), redRange()]) {
			const g = graded(evidence, [record({ severity: 'major' })]);
			expect(g.grade).toBe('yellow');
			expect(g.overrides).toEqual([
				{
					grade: 'yellow',
					recordId: 'SX1',
					cause: 'major',
					reason: '2022-02-01 较重失信记录 SX1（逾期办结）：蓝名单须“单位无违约或较重失信行为”，列入黄名单',
				},
			]);
		}
	});
	it('puts a unit with a 严重 record on yellow whatever the score ("严重的直接列入黄名单")', () => {
		const g = graded(redRange(), [record({ severity: 'severe' })]);
		expect(g.grade).toBe('yellow');
		expect(g.overrides[0]).toMatchObject({ recordId: 'SX1', cause: 'severe' });
		expect(g.overrides[0].reason).toBe(
			'2022-02-01 严重失信记录 SX1（逾期办结）：严重失信，直接列入黄名单（附件1 注2：“严重的直接列入黄名单”）',
		);
	});
	it('adds no override to a unit already yellow by its score', () => {
		const g = graded([ev('a1', '1.1', '2022-02-01', { kind: 'done' })], [record({ severity: 'severe' })]);
		expect(g).toMatchObject({ scoreGrade: 'yellow', grade: 'yellow', overrides: [], records: ['SX1'] });
	});
	it('counts a record repaired in 2022-Q2 in Q1 and Q2 and not from Q3: red is back in Q3', () => {
		const repaired = record({ severity: 'major', repairedOn: '2022-06-30', repairHow: '已履行' });
		const evidence = [1, 2, 3].flatMap((m) =>
			redRange().map((e) => ({
				...e,
				id: `${e.id}-${m}`,
				date: `2022-0${3 * m - 2}-10`,
				quarter: `2022-Q${m}` as QuarterId,
			})),
		);
		expect(['2022-Q1', '2022-Q2', '2022-Q3'].map((q) => graded(evidence, [repaired], q).grade)).toEqual([
			'yellow',
			'yellow',
			'red',
		]);
		expect(graded(evidence, [repaired], '2022-Q3').records).toEqual([]);
	});
	it('does not count a record before the quarter of its date', () => {
		const later = record({ date: '2022-04-01' });
		expect(graded(redRange(), [later], '2022-Q1')).toMatchObject({ grade: 'red', records: [] });
	});
	it('names the most serious of several records, the earliest of equally serious ones', () => {
		const records = [
			record({ id: 'SX1', date: '2022-01-05' }),
			record({ id: 'SX3', date: '2022-03-01', kind: 'breach' }),
			record({ id: 'SX2', date: '2022-02-01', kind: 'breach' }),
			record({ id: 'SX4', date: '2022-03-20', severity: 'major' }),
		];
		const g = graded(redRange(), records);
		expect(g.records).toEqual(['SX1', 'SX2', 'SX3', 'SX4']);
		expect(g.overrides.map((o) => [o.grade, o.recordId, o.cause])).toEqual([['yellow', 'SX4', 'major']]);
		const breaches = graded(redRange(), records.slice(0, 3));
		expect(breaches.overrides.map((o) => [o.grade, o.recordId])).toEqual([['yellow', 'SX2']]);
		const sameDay = graded(redRange(), [record({ id: 'SX9' }), record({ id: 'SX8' })]);
		expect(sameDay.overrides.map((o) => o.recordId)).toEqual(['SX8']);
	});
	it('gives each record the cap of its rule: 一般失信 blue; 一般违约, 较重 and 严重 of either kind yellow', () => {
		const caps = (['minor', 'major', 'severe'] as const).flatMap((severity) =>
			(['dishonesty', 'breach'] as const).map(
				(kind) => `${severity}/${kind}: ${recordCap({ severity, kind })}`,
			),
		);
		expect(caps).toEqual([
			'minor/dishonesty: blue',
			'minor/breach: yellow',
			'major/dishonesty: yellow',
			'major/breach: yellow',
			'severe/dishonesty: yellow',
			'severe/breach: yellow',
		]);
		expect(applyOverrides('blue', [record({ kind: 'breach' })]).grade).toBe('yellow');
	});
});

describe('property: any valid input', () => {
	const indicatorIds = rubric2022.indicators
		.filter(
			(i) =>
				i.rule.kind !== 'commitmentCoverage' && !(i.rule.kind === 'perItem' && i.rule.source === 'pledges'),
		)
		.map((i) => i.id);
	const arbEvidence = fc.record({
		unitId: fc.constantFrom('t1', 'a1'),
		indicatorId: fc.constantFrom(...indicatorIds),
		kind: fc.constantFrom('done', 'item', 'incident', 'judged'),
		month: fc.integer({ min: 1, max: 3 }),
		count: fc.integer({ min: 0, max: 20 }),
		points: fc.integer({ min: 0, max: 20 }),
	});
	const arbRecord = fc.record({
		unitId: fc.constantFrom('t1', 'a1'),
		severity: fc.constantFrom('minor', 'major', 'severe'),
		kind: fc.constantFrom('dishonesty', 'breach'),
	});
	it('keeps the score within [0, 100] and the grade on the thresholds unless an override with a reason says otherwise', () => {
		fc.assert(
			fc.property(
				fc.array(arbEvidence, { maxLength: 60 }),
				fc.array(arbRecord, { maxLength: 2 }),
				(rows, recs) => {
					const evidence = rows.flatMap((x) => {
						const ind = rubric2022.indicators.find((i) => i.id === x.indicatorId)!;
						if (!ind.appliesTo.includes(x.unitId === 't1' ? 'town' : 'A')) return [];
						const kind =
							ind.rule.kind === 'done'
								? x.kind === 'incident' && 'deduction' in ind.rule && ind.rule.deduction
									? 'incident'
									: 'done'
								: ind.rule.kind === 'perItem'
									? 'item'
									: 'judged';
						return [
							ev(x.unitId, x.indicatorId, `2022-0${x.month}-10`, {
								kind,
								count: x.count,
								points: kind === 'judged' ? Math.min(x.points, ind.max) : undefined,
								reason: '理由',
							}),
						];
					});
					const dishonesty = recs.map((r, i) => ({
						id: `r${i}`,
						date: '2022-01-05',
						what: '事',
						source: '法院',
						...r,
					})) as DishonestyRow[];
					for (const u of scoreQuarters(input({ evidence, dishonesty }))[0].units) {
						expect(u.score).toBeGreaterThanOrEqual(0);
						expect(u.score).toBeLessThanOrEqual(100);
						if (u.grade !== gradeOf(u.score, rubric2022.thresholds)) {
							expect(u.overrides.length).toBeGreaterThan(0);
							expect(u.overrides.at(-1)!.grade).toBe(u.grade);
							expect(u.overrides.at(-1)!.reason.length).toBeGreaterThan(5);
						}
					}
				},
			),
			{ numRuns: 300, seed: 20221122 },
		);
	});
});

/** One indicator of `t1` (a town, Σ max 95) in one quarter, scored from the whole input. */
const indicatorOf = (over: Partial<ScoringInput>, id: string, q = '2022-Q1') =>
	unit(scoreQuarters(input(over)), q, 't1').indicators.find((i) => i.id === id)!;

describe('what each indicator’s points rest on and say (shown beside the points on the unit page)', () => {
	it('counts a 完成 row whose 类型 is blank by the indicator’s own kind, names it, and says 已完成 or 未完成', () => {
		const done = ev('t1', '1.3', '2022-02-01');
		expect(indicatorOf({ evidence: [done] }, '1.3')).toMatchObject({
			points: 5,
			evidence: [done.id],
			explain: '已完成，得 5 分',
		});
		expect(indicatorOf({ evidence: [] }, '1.3')).toMatchObject({
			points: 0,
			evidence: [],
			explain: '未完成，0 分',
		});
	});
	it('scores nothing for a blank pre-filled row (no date) of any kind', () => {
		const blank = (indicatorId: string) => ev('t1', indicatorId, '2022-02-01', { date: undefined });
		expect(indicatorOf({ evidence: [blank('1.3')] }, '1.3').points).toBe(0);
		expect(indicatorOf({ evidence: [blank('3.6')] }, '3.6').points).toBe(0);
		// A blank 评分 row has no points either: the 16 judged in Q1 still count in Q2.
		const judged = ev('t1', '5.1', '2022-03-15', { kind: 'judged', points: 16, reason: '验收合格' });
		const blankJudged = { ...blank('5.1'), quarter: '2022-Q2' as QuarterId };
		expect(
			indicatorOf({ quarters: ['2022-Q1', '2022-Q2'], evidence: [judged, blankJudged] }, '5.1', '2022-Q2'),
		).toMatchObject({ points: 16 });
	});
	it('does not read a verified incident or a 无 row as 完成: an omission alone is 0 − 10 = −10', () => {
		const omission = ev('t1', '1.1', '2022-03-01', { kind: 'incident', what: '漏报' });
		expect(indicatorOf({ evidence: [omission] }, '1.1')).toMatchObject({
			points: -10,
			evidence: [omission.id],
			explain: '未完成，0 分；抽查比对被通报或漏报瞒报被举报属实 1 起 × −10 分，本项 -10 分',
		});
		expect(indicatorOf({ evidence: [ev('t1', '1.3', '2022-02-01', { kind: 'none' })] }, '1.3').points).toBe(
			0,
		);
	});
	it('deducts per incident, counting each row’s 数量: two omissions take 10 − 2 × 10 = −10', () => {
		const done = ev('t1', '1.1', '2022-01-10', { kind: 'done' });
		const two = ev('t1', '1.1', '2022-03-01', { kind: 'incident', count: 2 });
		expect(indicatorOf({ evidence: [done, two] }, '1.1')).toMatchObject({
			points: -10,
			evidence: [done.id, two.id],
			explain: '已完成，得 10 分；抽查比对被通报或漏报瞒报被举报属实 2 起 × −10 分，本项 -10 分',
		});
	});
	it('says nothing about deductions when there was no incident', () => {
		const done = ev('t1', '1.1', '2022-01-10', { kind: 'done' });
		expect(indicatorOf({ evidence: [done] }, '1.1').explain).toBe('已完成，得 10 分');
	});
	it('ignores an incident row on an indicator whose rule has no deduction', () => {
		const done = ev('t1', '1.3', '2022-01-10', { kind: 'done' });
		const incident = ev('t1', '1.3', '2022-02-10', { kind: 'incident' });
		expect(indicatorOf({ evidence: [done, incident] }, '1.3')).toMatchObject({
			points: 5,
			evidence: [done.id],
			explain: '已完成，得 5 分',
		});
	});
	it('explains items times points, and the cap only when the items pass it', () => {
		const rows = (n: number) =>
			Array.from({ length: n }, (_, i) => ev('t1', '3.5', `2022-02-1${i}`, { kind: 'item' }));
		const one = rows(1);
		expect(indicatorOf({ evidence: one }, '3.5')).toMatchObject({
			points: 3.5,
			evidence: [one[0].id],
			explain: '1 次 × 3.5 分 = 3.5 分',
		});
		// 2 × 3.5 is exactly the cap of 7: nothing is capped.
		expect(indicatorOf({ evidence: rows(2) }, '3.5').explain).toBe('2 次 × 3.5 分 = 7 分');
		expect(indicatorOf({ evidence: rows(3) }, '3.5').explain).toBe('3 次 × 3.5 分 = 10.5，封顶 7 分');
	});
	it('counts pledges by enterprise and says so, from the first day of the four-quarter window (seed 002 附件1 五)', () => {
		const pledge = (id: string, uscc: string, signedOn: string) => ({
			id,
			enterprise: `企业${id}`,
			uscc,
			kinds: ['tax' as never],
			signedOn,
			unitId: 't1',
		});
		// In 2022-Q1 the window of 4 quarters starts on 2021-04-01: a pledge of that day counts, one of the day
		// before does not.
		const i = indicatorOf(
			{
				pledges: [
					pledge('p1', 'A', '2021-04-01'),
					pledge('p2', 'B', '2021-03-31'),
					pledge('p3', 'C', '2022-03-31'),
				],
			},
			'5.2',
		);
		expect(i).toMatchObject({ points: 1, pledges: ['p1', 'p3'], explain: '2 家企业 × 0.5 分 = 1 分' });
		expect('pledges' in indicatorOf({ evidence: [] }, '3.6')).toBe(false);
	});
	it('takes the latest 评分 of the window, by quarter then date, and says when it was judged in an earlier quarter', () => {
		const judged = (date: string, points: number) =>
			ev('t1', '5.1', date, { kind: 'judged', points, reason: '评审' });
		const q1 = judged('2022-02-10', 16);
		// Two 评分 rows in Q2, the later one listed first: the later one (05-20, 9) decides.
		const later = judged('2022-05-20', 9);
		const earlier = judged('2022-05-10', 7);
		const over = {
			quarters: ['2022-Q1', '2022-Q2', '2022-Q3'] as QuarterId[],
			evidence: [q1, later, earlier],
		};
		expect(indicatorOf(over, '5.1', '2022-Q2')).toMatchObject({
			points: 9,
			evidence: [later.id],
			explain: '评审得分 9',
		});
		expect(indicatorOf(over, '5.1', '2022-Q3')).toMatchObject({
			points: 9,
			explain: '评审得分 9（2022年第二季度认定，仍在 4 个季度有效期内）',
		});
		// The latest of Q2 decides in Q2 whatever the order of the rows in the file.
		const middle = judged('2022-05-15', 8);
		for (const evidence of permutations([q1, later, earlier, middle]))
			expect(indicatorOf({ ...over, evidence }, '5.1', '2022-Q2').points).toBe(9);
		expect(indicatorOf({ evidence: [] }, '5.1').explain).toBe('无评审得分，0 分');
	});
	it('takes the 评分 listed last when two of one quarter have the same date (a correction entered below)', () => {
		const first = ev('t1', '2.1', '2022-02-10', { kind: 'judged', points: 6, reason: '评审' });
		const correction = ev('t1', '2.1', '2022-02-10', { kind: 'judged', points: 8, reason: '复核更正' });
		expect(indicatorOf({ evidence: [first, correction] }, '2.1')).toMatchObject({
			points: 8,
			evidence: [correction.id],
		});
	});
	it('counts a 评分 row whose 类型 is blank as a 评分', () => {
		const row = ev('t1', '2.1', '2022-02-10', { points: 6, reason: '评审' });
		expect(indicatorOf({ evidence: [row] }, '2.1')).toMatchObject({ points: 6, explain: '评审得分 6' });
	});
	it('explains commitment coverage with the missing categories, or says every category is covered', () => {
		const all = rubric2022.commitmentCategories;
		const commitments = all.map((category, i) => ({
			id: `k${i}`,
			unitId: 't1',
			category: category as never,
			content: '承诺',
			madeOn: '2021-12-01',
			dueBy: '2022-12-31',
		}));
		expect(indicatorOf({ commitments }, '5.3').explain).toBe('各类别均有公开承诺，得 5 分');
		expect(indicatorOf({ commitments: commitments.slice(2) }, '5.3').explain).toBe(
			`缺 2 类（${all[0]}、${all[1]}），5 − 2 × 0.5 = 4 分`,
		);
	});
});

describe('rule kind deduction: starts at 0 and only loses points', () => {
	const withDeduction: Rubric = {
		...rubric2022,
		indicators: rubric2022.indicators.map((i) =>
			i.id === '3.4'
				? { ...i, rule: { kind: 'deduction', deduction: { per: 2, what: '负面舆情经核实' } } }
				: i,
		),
	};
	it('is 0 without incidents and −2 per incident with one, saying both', () => {
		const rubrics = new Map([[2022, withDeduction]]);
		expect(indicatorOf({ rubrics }, '3.4')).toMatchObject({ points: 0, explain: '基础 0 分' });
		// A 完成 row earns nothing under this kind.
		const rows = [
			ev('t1', '3.4', '2022-01-10', { kind: 'done' }),
			ev('t1', '3.4', '2022-02-10', { kind: 'incident' }),
		];
		expect(indicatorOf({ rubrics, evidence: rows }, '3.4')).toMatchObject({
			points: -2,
			explain: '基础 0 分；负面舆情经核实 1 起 × −2 分，本项 -2 分',
		});
	});
});

describe('two 评分 rows of one indicator on one day', () => {
	it('count the one with the later 记录编号, whichever order they come in (the open data lists rows by id)', () => {
		const early = { ...ev('t1', '2.1', '2022-02-10', { kind: 'judged', points: 3 }), id: '2022Q1-0001' };
		const late = { ...ev('t1', '2.1', '2022-02-10', { kind: 'judged', points: 9 }), id: '2022Q1-0002' };
		for (const evidence of [
			[early, late],
			[late, early],
		])
			expect(indicatorOf({ evidence }, '2.1')).toMatchObject({ points: 9, evidence: ['2022Q1-0002'] });
	});
});

describe('rule kind deduction: a row with no 类型 is a 扣分 row', () => {
	it('deducts per blank-kind row as the validator reads it (implied 扣分), counting its 数量', () => {
		const rubrics = new Map([
			[
				2022,
				{
					...rubric2022,
					indicators: rubric2022.indicators.map((i) =>
						i.id === '3.4'
							? {
									...i,
									max: 0,
									rule: { kind: 'deduction' as const, deduction: { per: 5, what: '负面舆情经核实' } },
								}
							: i,
					),
				},
			],
		]);
		// One blank-kind row of 数量 2 and one explicit 扣分 row: 3 incidents × −5 = −15.
		const rows = [
			ev('t1', '3.4', '2022-01-10', { count: 2 }),
			ev('t1', '3.4', '2022-02-10', { kind: 'incident' }),
		];
		expect(indicatorOf({ rubrics, evidence: rows }, '3.4')).toMatchObject({
			points: -15,
			explain: '基础 0 分；负面舆情经核实 3 起 × −5 分，本项 -15 分',
		});
	});
});

describe('whether a unit, a commitment and a quarter are in time', () => {
	it('counts a unit set up on a quarter’s last day in that quarter', () => {
		expect(unitExistsIn({ id: 'x', category: 'town', from: '2022-03-31' }, '2022-Q1')).toBe(true);
		expect(unitExistsIn({ id: 'x', category: 'town', from: '2022-04-01' }, '2022-Q1')).toBe(false);
	});
	it('still counts a commitment fulfilled on the quarter’s first day, and not one broken (未兑现) before it', () => {
		const commitment = {
			id: 'k1',
			unitId: 't1',
			category: '养老' as never,
			content: '承诺',
			madeOn: '2021-12-01',
			dueBy: '2022-12-31',
		};
		const updatesOf = (status: 'fulfilled' | 'broken', date: string) => () => [
			{ commitmentId: 'k1', date, status, evidence: '说明' },
		];
		expect(
			missingCategories(['养老'], [commitment], updatesOf('fulfilled', '2022-04-01'), '2022-Q2'),
		).toEqual([]);
		expect(missingCategories(['养老'], [commitment], updatesOf('broken', '2022-03-31'), '2022-Q2')).toEqual([
			'养老',
		]);
	});
	it('counts a commitment changed (依法变更) during the quarter, and not after: the change ends the original promise', () => {
		const commitment = {
			id: 'k1',
			unitId: 't1',
			category: '就学' as never,
			content: '承诺',
			madeOn: '2021-12-01',
			dueBy: '2022-08-31',
		};
		const steps =
			(...s: ['in-progress' | 'changed', string][]) =>
			() =>
				s.map(([status, date]) => ({ commitmentId: 'k1', date, status, evidence: '说明' }));
		const changed = steps(['changed', '2022-05-20']);
		// In force for part of 2022-Q2 (until 05-20): covered; from 2022-Q3 on, nothing covers 就学.
		expect(missingCategories(['就学'], [commitment], changed, '2022-Q2')).toEqual([]);
		expect(missingCategories(['就学'], [commitment], changed, '2022-Q3')).toEqual(['就学']);
		expect(missingCategories(['就学'], [commitment], changed, '2026-Q3')).toEqual(['就学']);
		// A 履行中 recorded after the change opens it again.
		const reopened = steps(['changed', '2022-05-20'], ['in-progress', '2022-06-10']);
		expect(missingCategories(['就学'], [commitment], reopened, '2022-Q3')).toEqual([]);
		// The changed promise published as a new commitment with its new deadline covers the category.
		const renewed = { ...commitment, id: 'k2', madeOn: '2022-05-20', dueBy: '2022-12-31' };
		expect(
			missingCategories(['就学'], [commitment, renewed], (id) => (id === 'k1' ? changed() : []), '2022-Q3'),
		).toEqual([]);
	});
	it('refuses to score a quarter whose year has no rubric, naming the year', () => {
		expect(() => scoreQuarters(input({ quarters: ['2021-Q4'] }))).toThrow('没有 2021 年的评价指标');
	});
	it('scores quarters in time order whatever order they are asked in, each once', () => {
		const r = scoreQuarters(
			input({
				quarters: ['2022-Q3', '2022-Q1', '2022-Q2', '2022-Q1'],
				evidence: [ev('t1', '3.6', '2022-02-01'), ev('t1', '3.6', '2022-05-01', { count: 3 })],
			}),
		);
		expect(r.map((q) => q.quarter)).toEqual(['2022-Q1', '2022-Q2', '2022-Q3']);
		// 1.5 ÷ 95 = 1.6, then 4.5 ÷ 95 = 4.7: +3.1, then back to 0: −4.7.
		expect(r.map((q) => unit(r, q.quarter, 't1').change)).toEqual([null, 3.1, -4.7]);
	});
	it('gives a score of 0 to a unit with nothing to be scored on (no maximum)', () => {
		expect(normalisedScore(3, 0)).toBe(0);
	});
});

describe('order of a quarter’s units and of a unit’s records', () => {
	it('lists units by category (镇街, 园区, A, B), then rank, then id', () => {
		const r = scoreQuarters(
			input({
				units: [
					{ id: 'b1', category: 'B' },
					{ id: 'a2', category: 'A' },
					{ id: 'a1', category: 'A' },
					{ id: 'p1', category: 'park' },
					{ id: 't2', category: 'town' },
					{ id: 't1', category: 'town' },
					{ id: 't3', category: 'town' },
				],
				unitNames: [],
				// t3 scores above the tied t1 and t2; a1 and a2 tie at 0.
				evidence: [ev('t3', '1.3', '2022-02-01')],
			}),
		);
		expect(r[0].units.map((u) => `${u.id}:${u.rank}`)).toEqual([
			't3:1',
			't1:2',
			't2:2',
			'p1:1',
			'a1:1',
			'a2:1',
			'b1:1',
		]);
	});
	it('lists a unit’s active records by date, then id, and names the earliest of equally serious ones', () => {
		const record = (id: string, date: string): DishonestyRow => ({
			id,
			unitId: 't1',
			date,
			severity: 'minor',
			kind: 'breach',
			what: '拖欠',
			source: '法院',
		});
		// Ids in the opposite order to dates, and two records of one day.
		const records = [
			record('SX9', '2022-01-10'),
			record('SX5', '2022-03-01'),
			record('SX3', '2022-02-01'),
			record('SX4', '2022-02-01'),
		];
		for (const dishonesty of permutations(records)) {
			const t1 = unit(scoreQuarters(input({ dishonesty })), '2022-Q1', 't1');
			expect(t1.records).toEqual(['SX9', 'SX3', 'SX4', 'SX5']);
			expect(applyOverrides('red', dishonesty).overrides.map((o) => o.recordId)).toEqual(['SX9']);
		}
		// Without SX9 the two records of 02-01 are the earliest: the smaller id decides.
		for (const dishonesty of permutations(records.slice(1)))
			expect(applyOverrides('red', dishonesty).overrides.map((o) => o.recordId)).toEqual(['SX3']);
	});
});
