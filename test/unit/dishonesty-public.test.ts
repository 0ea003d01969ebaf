import { describe, expect, it } from 'vitest';
import type { DishonestyRow } from '../../src/schemas/dishonesty.ts';
import type { UnitNameRow } from '../../src/schemas/unit.ts';
import {
	PUBLIC_RECORD_FIELDS,
	isRepaired,
	publicEvidence,
	publicOverride,
	publishRecords,
} from '../../src/lib/dishonesty/public.ts';
import { applyOverrides } from '../../src/lib/scoring/score.ts';

/** Every order of a few rows: an ordering rule must hold whatever order the office's file lists them in. */
const permutations = <T>(xs: readonly T[]): T[][] =>
	xs.length <= 1
		? [[...xs]]
		: xs.flatMap((x, i) => permutations(xs.filter((_, j) => j !== i)).map((p) => [x, ...p]));

const names: UnitNameRow[] = [
	{ unitId: 'u1', name: '甲乡', to: '2022-12-31' },
	{ unitId: 'u1', name: '甲镇', from: '2023-01-01' },
	{ unitId: 'u2', name: '区乙局' },
];
const record = (over: Partial<DishonestyRow>): DishonestyRow => ({
	id: 'SX-2022-009',
	unitId: 'u1',
	date: '2022-08-12',
	severity: 'severe',
	kind: 'dishonesty',
	what: '村道修复工程逾期一年未动工',
	source: '网信办',
	repairedOn: '2023-02-10',
	repairHow: '完工验收并公开致歉',
	...over,
});

describe('信用修复 ends the 公示 of a record (信用修复管理办法, NDRC order no. 36)', () => {
	it('publishes a record in full, as not yet repaired, until the day before its repair', () => {
		const [r] = publishRecords([record({})], '2023-02-09', names).records;
		// The repair has not happened on 2023-02-09: the unit page said "已于 2023-02-10 信用修复" the day before.
		expect(r).toEqual({
			id: 'SX-2022-009',
			unitId: 'u1',
			unitName: '甲乡',
			activeFrom: '2022-Q3',
			activeTo: null,
			cap: 'yellow',
			repaired: false,
			date: '2022-08-12',
			severity: 'severe',
			kind: 'dishonesty',
			what: '村道修复工程逾期一年未动工',
			source: '网信办',
			repairedOn: null,
			repairHow: null,
		});
	});
	it('from its repair date on, keeps only the opaque id, the unit, the quarters it counted in and its cap', () => {
		expect(isRepaired(record({}), '2023-02-10')).toBe(true);
		const pub = publishRecords([record({})], '2023-02-10', names);
		expect(pub.records).toEqual([
			{
				id: 'XF-u1-2022-Q3-1',
				unitId: 'u1',
				unitName: '甲乡',
				activeFrom: '2022-Q3',
				activeTo: '2023-Q1',
				cap: 'yellow',
				repaired: true,
				date: null,
				severity: null,
				kind: null,
				what: null,
				source: null,
				repairedOn: null,
				repairHow: null,
			},
		]);
		const text = JSON.stringify(pub.records);
		for (const detail of ['SX-2022-009', '2022-08-12', 'severe', '村道', '网信办', '2023-02-10', '完工验收'])
			expect(text).not.toContain(detail);
		expect(pub.publicId.get('SX-2022-009')).toBe('XF-u1-2022-Q3-1');
	});
	it('has exactly the listed public fields, repaired or not', () => {
		const pub = publishRecords(
			[record({}), record({ id: 'SX-2', repairedOn: undefined })],
			'2023-06-01',
			names,
		);
		for (const r of pub.records) expect(Object.keys(r)).toEqual([...PUBLIC_RECORD_FIELDS]);
	});
	it('numbers a unit’s repaired records of one quarter by date, and keeps unrepaired ones under their own id', () => {
		const pub = publishRecords(
			[
				record({ id: 'B', date: '2022-09-01' }),
				record({ id: 'A', date: '2022-07-05' }),
				record({ id: 'C', date: '2022-07-20', repairedOn: undefined, repairHow: undefined }),
				record({ id: 'D', unitId: 'u2', date: '2022-07-01' }),
			],
			'2023-06-01',
			names,
		);
		expect(pub.records.map((r) => r.id)).toEqual([
			'C',
			'XF-u1-2022-Q3-1',
			'XF-u1-2022-Q3-2',
			'XF-u2-2022-Q3-1',
		]);
		expect(pub.publicId.get('A')).toBe('XF-u1-2022-Q3-1');
		expect(pub.publicId.get('B')).toBe('XF-u1-2022-Q3-2');
	});
	it('numbers by date then record number, and lists by unit, first quarter and id, whatever the file’s order', () => {
		const rows = [
			record({ id: 'A', date: '2022-07-05' }),
			record({ id: 'E', date: '2022-07-05' }),
			record({ id: 'B', date: '2022-09-01' }),
			record({ id: 'C', date: '2022-07-20', repairedOn: undefined, repairHow: undefined }),
			// Sorts before C by id, after it by quarter.
			record({ id: 'AAA', date: '2022-11-01', repairedOn: undefined, repairHow: undefined }),
			record({ id: 'D', unitId: 'u2', date: '2022-07-01' }),
		];
		for (const order of permutations(rows)) {
			const pub = publishRecords(order, '2023-06-01', names);
			expect(pub.records.map((r) => r.id)).toEqual([
				'C',
				'XF-u1-2022-Q3-1',
				'XF-u1-2022-Q3-2',
				'XF-u1-2022-Q3-3',
				'AAA',
				'XF-u2-2022-Q3-1',
			]);
			expect(['A', 'E', 'B', 'C', 'AAA'].map((id) => pub.publicId.get(id))).toEqual([
				'XF-u1-2022-Q3-1',
				'XF-u1-2022-Q3-2',
				'XF-u1-2022-Q3-3',
				'C',
				'AAA',
			]);
		}
	});
	it('names the unit as it was on the record’s date', () => {
		const pub = publishRecords([record({ date: '2023-03-01', repairedOn: undefined })], '2023-06-01', names);
		expect(pub.records[0].unitName).toBe('甲镇');
	});
	it('gives a 一般失信 record the cap blue and any 违约 record the cap yellow', () => {
		const pub = publishRecords(
			[record({ id: 'a', severity: 'minor' }), record({ id: 'b', severity: 'minor', kind: 'breach' })],
			'2023-06-01',
			names,
		);
		expect(pub.records.map((r) => r.cap)).toEqual(['blue', 'yellow']);
	});
});

describe('an override that names a repaired record', () => {
	it('keeps its grade and says "失信记录（已信用修复，不再公示详情）" instead of the details, without the severity', () => {
		const r = record({});
		const { overrides } = applyOverrides('red', [r]);
		expect(overrides[0].reason).toContain('村道修复工程逾期一年未动工');
		const before = publicOverride(overrides[0], publishRecords([r], '2023-02-09', names));
		expect(before).toEqual({ grade: 'yellow', reason: overrides[0].reason, recordId: 'SX-2022-009' });
		const after = publicOverride(overrides[0], publishRecords([r], '2023-02-10', names));
		expect(after).toEqual({
			grade: 'yellow',
			reason: `失信记录（已信用修复，不再公示详情）：蓝名单须“单位无违约或较重失信行为”，列入黄名单`,
			recordId: 'XF-u1-2022-Q3-1',
		});
		expect(after.reason).not.toMatch(/严重|村道|SX-/);
	});
	it('says the red rule for a repaired 一般失信 record that kept a unit off red', () => {
		const r = record({ severity: 'minor' });
		const { overrides } = applyOverrides('red', [r]);
		expect(publicOverride(overrides[0], publishRecords([r], '2024-01-01', names))).toEqual({
			grade: 'blue',
			reason: `失信记录（已信用修复，不再公示详情）：红名单须“单位无失信行为”，至多列入蓝名单`,
			recordId: 'XF-u1-2022-Q3-1',
		});
	});
});

describe('the deduction a repaired record cost (evidence naming it by 失信记录编号)', () => {
	const row = {
		id: 'e9',
		unitId: 'u1',
		indicatorId: '3.2',
		kind: 'incident' as const,
		date: '2022-08-12',
		what: '招商协议未兑现',
		source: '财政局',
		reason: '经核实属实',
		dishonestyId: 'SX-2022-009',
	};
	it('is published as written while the record’s 公示 stands, and without its story from the day of repair', () => {
		expect(publicEvidence(row, publishRecords([record({})], '2023-02-09', names))).toBe(row);
		expect(publicEvidence(row, publishRecords([record({})], '2023-02-10', names))).toEqual({
			...row,
			what: '失信记录（已信用修复，不再公示详情）',
			source: undefined,
			reason: undefined,
		});
	});
	it('leaves a row naming no record, or another record, as written', () => {
		const pub = publishRecords([record({})], '2024-01-01', names);
		const { dishonestyId: _, ...unlinked } = row;
		expect(publicEvidence(unlinked, pub)).toBe(unlinked);
		expect(publicEvidence({ ...row, dishonestyId: 'SX-2022-010' }, pub).what).toBe('招商协议未兑现');
	});
});
