import { describe, expect, it } from 'vitest';
import { gradeSwings, needsEvidence, publicReleases, swingWarning } from '../../src/lib/releases.ts';
import type { Grade, QuarterResult, UnitResult } from '../../src/lib/scoring/score.ts';
import type { Indicator } from '../../src/schemas/rubric.ts';
import type { QuarterId } from '../../src/lib/quarters.ts';

describe('which quarters are public (seed 002 三(五) "适时向“信用淮安区”网站公开")', () => {
	it('publishes a quarter from its release date on, with its note and fingerprint only when it has them', () => {
		const rows = [
			{ quarter: '2024-Q1' as QuarterId, releasedOn: '2024-04-20', docNumber: '淮信用办〔2024〕3号' },
			{
				quarter: '2024-Q2' as QuarterId,
				releasedOn: '2024-07-22',
				docNumber: '淮信用办〔2024〕7号',
				note: '补发',
				fingerprint: 'sha256:ab',
			},
			{ quarter: '2024-Q3' as QuarterId, releasedOn: '2024-10-21', docNumber: '淮信用办〔2024〕9号' },
		];
		expect([...publicReleases(rows, '2024-10-20').values()]).toEqual([
			{ quarter: '2024-Q1', releasedOn: '2024-04-20', docNumber: '淮信用办〔2024〕3号' },
			{
				quarter: '2024-Q2',
				releasedOn: '2024-07-22',
				docNumber: '淮信用办〔2024〕7号',
				note: '补发',
				fingerprint: 'sha256:ab',
			},
		]);
		// On its release date the quarter is public.
		expect([...publicReleases(rows, '2024-10-21').keys()]).toEqual(['2024-Q1', '2024-Q2', '2024-Q3']);
	});
});

describe('which indicators need an evidence row in a released quarter', () => {
	const indicator = (rule: Indicator['rule']) => ({ rule }) as Indicator;
	it('asks for rows of done, item, judged and deduction indicators, not of those computed from the registers', () => {
		expect(
			[
				indicator({ kind: 'done' }),
				indicator({ kind: 'perItem', per: 1, cap: 5, source: 'evidence' }),
				indicator({ kind: 'judged' }),
				indicator({ kind: 'deduction', deduction: { per: 1, what: '通报' } }),
				indicator({ kind: 'commitmentCoverage', step: 0.5 }),
				indicator({ kind: 'perItem', per: 0.5, cap: 5, source: 'pledges' }),
			].map(needsEvidence),
		).toEqual([true, true, true, true, false, false]);
	});
});

describe('grade swings worth a second look before release', () => {
	const unit = (id: string, grade: Grade) => ({ id, name: `${id}镇`, grade }) as UnitResult;
	const quarter = (q: string, units: UnitResult[]) => ({ quarter: q, rubric: 2024, units }) as QuarterResult;
	const q1 = quarter('2024-Q1', [
		unit('a', 'red'),
		unit('b', 'blue'),
		unit('c', 'blue'),
		unit('d', 'yellow'),
	]);
	const GRADES = { red: '红名单', blue: '蓝名单', yellow: '黄名单' };
	it('counts the units whose grade moved among those scored in both quarters: 2 of 4 is more than a quarter', () => {
		// e is new in Q2: it is not compared.
		const q2 = quarter('2024-Q2', [
			unit('a', 'red'),
			unit('b', 'yellow'),
			unit('c', 'blue'),
			unit('d', 'blue'),
			unit('e', 'yellow'),
		]);
		const s = gradeSwings(q2, new Map([['2024-Q1', q1]]));
		expect([s.previous, s.compared, s.many, s.swings.map((w) => [w.unit.id, w.from, w.unit.grade])]).toEqual([
			'2024-Q1',
			4,
			true,
			[
				['b', 'blue', 'yellow'],
				['d', 'yellow', 'blue'],
			],
		]);
		expect(swingWarning('2024-Q2（草稿）', s, GRADES)).toBe(
			'警告：2024-Q2（草稿）与 2024-Q1 相比，4 个单位中有 2 个等次变化，超过四分之一，发布前请再核对评价记录是否填全、填对：b镇 蓝名单 → 黄名单；d镇 黄名单 → 蓝名单',
		);
	});
	it('does not warn when exactly a quarter moved (1 of 4)', () => {
		const q2 = quarter('2024-Q2', [
			unit('a', 'blue'),
			unit('b', 'blue'),
			unit('c', 'blue'),
			unit('d', 'yellow'),
		]);
		const s = gradeSwings(q2, new Map([['2024-Q1', q1]]));
		expect([s.compared, s.swings.length, s.many]).toEqual([4, 1, false]);
		expect(swingWarning('2024-Q2', s, GRADES)).toBeUndefined();
	});
	it('compares only with the previous calendar quarter, and only when it was released', () => {
		const q3 = quarter('2024-Q3', [
			unit('a', 'yellow'),
			unit('b', 'yellow'),
			unit('c', 'yellow'),
			unit('d', 'red'),
		]);
		expect(gradeSwings(q3, new Map([['2024-Q1', q1]]))).toEqual({ swings: [], compared: 0, many: false });
		expect(gradeSwings(quarter('2024-Q2', q3.units), new Map([['2024-Q1', q1]])).many).toBe(true);
	});
});
