import { describe, expect, it } from 'vitest';
import type { UnitNameRow } from '../../src/schemas/unit.ts';
import {
	formerName,
	nameInQuarter,
	nameLookup,
	nameOn,
	quarterNameDay,
	unitAsOf,
} from '../../src/lib/units/names.ts';
import {
	addQuarters,
	quarterEnd,
	quarterLabel,
	quarterOf,
	quarterStart,
	type QuarterId,
} from '../../src/lib/quarters.ts';

/** 区文化旅游局 until 2022-12-31, 区文化广电和旅游局 from 2023-01-01 (as in the demo data). */
const names: UnitNameRow[] = [
	{ unitId: 'whlyj', name: '区文化旅游局', to: '2022-12-31' },
	{ unitId: 'whlyj', name: '区文化广电和旅游局', from: '2023-01-01' },
	{ unitId: 'nzz', name: '南闸镇', to: '2023-03-31' },
	{ unitId: 'nzz', name: '南闸街道', from: '2023-04-01' },
	{ unitId: 'new', name: '区数据局', from: '2023-10-01' },
];

describe('a unit is named as it was then', () => {
	it('gives the name in use on a date, the last day of the old name included', () => {
		expect(nameOn(names, 'whlyj', '2022-12-31')).toBe('区文化旅游局');
		expect(nameOn(names, 'whlyj', '2023-01-01')).toBe('区文化广电和旅游局');
	});
	it('gives the first name before the history starts and the latest after it', () => {
		expect(nameOn(names, 'new', '2023-01-01')).toBe('区数据局');
		expect(nameOn(names, 'whlyj', '2030-01-01')).toBe('区文化广电和旅游局');
	});
	it('names a unit in a quarter by the quarter’s last day: 2023-Q1 南闸镇, 2023-Q2 南闸街道', () => {
		expect(nameInQuarter(names, { id: 'nzz' }, '2023-Q1')).toBe('南闸镇');
		expect(nameInQuarter(names, { id: 'nzz' }, '2023-Q2')).toBe('南闸街道');
	});
	it('names a unit dissolved during a quarter by its last day of existence', () => {
		// Dissolved on 2023-04-01 (the first day it no longer exists): named as on 2023-03-31.
		expect(nameInQuarter(names, { id: 'nzz', to: '2023-04-01' }, '2023-Q2')).toBe('南闸镇');
	});
	it('finds the same names through the grouped lookup', () => {
		const lookup = nameLookup(names);
		expect(lookup('whlyj', '2022-06-30')).toBe('区文化旅游局');
		expect(lookup('nzz', '2023-05-01')).toBe('南闸街道');
		expect(lookup('none', '2023-05-01')).toBe('none');
	});
	it('points from the old name to today’s, and says nothing when they are the same', () => {
		expect(formerName('区文化旅游局', '区文化广电和旅游局')).toBe(
			'时称“区文化旅游局”，现名“区文化广电和旅游局”',
		);
		expect(formerName('南闸街道', '南闸街道')).toBe('');
	});
	it('names a unit on a day before its first recorded name by that first name, and after its last by the last', () => {
		const rows: UnitNameRow[] = [
			{ unitId: 'x', name: '区乙局', from: '2024-01-01' },
			{ unitId: 'x', name: '区甲局', from: '2022-01-01', to: '2023-12-31' },
		];
		expect(nameOn(rows, 'x', '2021-06-30')).toBe('区甲局');
		expect(nameOn(rows, 'x', '2023-12-31')).toBe('区甲局');
		expect(nameOn(rows, 'x', '2024-01-01')).toBe('区乙局');
	});
});

describe('a reorganisation recorded ahead of its day is published from that day', () => {
	/** 车桥镇 becomes 车桥街道 on 2026-12-01; 林集镇 is merged into 钦工镇 on 2026-12-01; 新城街道 is set up then. */
	const renamed = [
		{ name: '车桥镇', to: '2026-11-30' },
		{ name: '车桥街道', from: '2026-12-01' },
	];
	it('leaves a name that comes into use after the as-of date out of the history, and shows the name in use as in use', () => {
		expect(unitAsOf({}, renamed, '2026-11-30')).toEqual({ names: [{ name: '车桥镇' }] });
		expect(unitAsOf({}, renamed, '2026-12-01')).toEqual({ names: renamed });
	});
	it('names the unit today by the name in use on the as-of date, not by the one still to come', () => {
		const { names } = unitAsOf({}, renamed, '2026-11-30')!;
		expect(names[names.length - 1].name).toBe('车桥镇');
	});
	it('says nothing of a dissolution or merger dated after the as-of date until its day', () => {
		const merged = { to: '2026-12-01', mergedInto: 'qgz' };
		expect(unitAsOf(merged, [{ name: '林集镇' }], '2026-11-30')).toEqual({ names: [{ name: '林集镇' }] });
		expect(unitAsOf(merged, [{ name: '林集镇' }], '2026-12-01')).toEqual({
			...merged,
			names: [{ name: '林集镇' }],
		});
	});
	it('leaves out a unit set up after the as-of date, even when its name row has no first day', () => {
		expect(unitAsOf({ from: '2026-12-01' }, [{ name: '新城街道' }], '2026-11-30')).toBeUndefined();
		expect(unitAsOf({ from: '2026-12-01' }, [{ name: '新城街道' }], '2026-12-01')).toEqual({
			from: '2026-12-01',
			names: [{ name: '新城街道' }],
		});
	});
});

describe('the name day and the edges of a name history', () => {
	/** Three names: 甲 until 2020-12-31, 乙 2021-01-01 … 2022-12-31, 丙 from 2023-01-01; 乙 listed first. */
	const three: UnitNameRow[] = [
		{ unitId: 'u', name: '乙', from: '2021-01-01', to: '2022-12-31' },
		{ unitId: 'u', name: '甲', from: '2019-01-01', to: '2020-12-31' },
		{ unitId: 'u', name: '丙', from: '2023-01-01' },
	];
	it('gives a middle name from its first day, and the earliest name before the history starts', () => {
		expect(nameOn(three, 'u', '2021-01-01')).toBe('乙');
		expect(nameOn(three, 'u', '2022-12-31')).toBe('乙');
		expect(nameOn(three, 'u', '2018-06-01')).toBe('甲');
	});
	it('gives the latest name after a history whose last name has a last day, not the earliest', () => {
		const ended = three.map((n) => (n.name === '丙' ? { ...n, to: '2023-12-31' } : n));
		expect(nameOn(ended, 'u', '2024-03-31')).toBe('丙');
		expect(nameOn(ended, 'u', '2018-06-01')).toBe('甲');
	});
	it('names a unit dissolved on its quarter’s last day by the day before, and one dissolved later by the quarter’s end', () => {
		// 撤销日期 is the first day the unit no longer exists.
		expect(quarterNameDay('2023-Q2', '2023-06-30')).toBe('2023-06-29');
		expect(quarterNameDay('2023-Q2', '2023-07-01')).toBe('2023-06-30');
		expect(quarterNameDay('2023-Q2', '2023-04-01')).toBe('2023-03-31');
		expect(quarterNameDay('2023-Q2')).toBe('2023-06-30');
	});
});

describe('quarters', () => {
	it('start and end on the calendar’s days, and a date falls in its quarter', () => {
		expect(
			['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4'].map(
				(q) => `${quarterStart(q as QuarterId)}…${quarterEnd(q as QuarterId)}`,
			),
		).toEqual([
			'2024-01-01…2024-03-31',
			'2024-04-01…2024-06-30',
			'2024-07-01…2024-09-30',
			'2024-10-01…2024-12-31',
		]);
		expect(['2024-03-31', '2024-04-01', '2024-09-30', '2024-10-01', '2024-12-31'].map(quarterOf)).toEqual([
			'2024-Q1',
			'2024-Q2',
			'2024-Q3',
			'2024-Q4',
			'2024-Q4',
		]);
	});
	it('count across years', () => {
		expect(addQuarters('2024-Q1', -1)).toBe('2023-Q4');
		expect(addQuarters('2023-Q4', 1)).toBe('2024-Q1');
		expect(addQuarters('2024-Q3', -7)).toBe('2022-Q4');
		expect(quarterLabel('2024-Q4')).toBe('2024年第四季度');
	});
});
