import { describe, expect, it } from 'vitest';
import { report, validate, withRows } from '../../helpers/validate.ts';

const FILE = 'pledges.csv';
const pledge = (id: string, unit: string) => `${id},乙公司,91350100M000100Y43,安全,2022-02-15,${unit}`;

describe('pledges.csv', () => {
	it('accepts pledges collected by a town or a park', () => {
		expect(validate().pledges.map((p) => p.value.unitId)).toEqual(['t1']);
	});

	it('rejects a pledge collected by a department: pledges are collected where the enterprise is supervised', () => {
		const patches = { [FILE]: withRows(FILE, pledge('p2', 'a1'), pledge('p3', 'b1')) };
		expect(report(patches)).toMatchInlineSnapshot(`
			[
			  "data/pledges.csv:3:6: 第 3 行第 6 列（单位编号）：企业信用承诺由镇街或园区收集（属地行政监管），"a1" 是A类单位 (not-applicable)",
			  "data/pledges.csv:4:6: 第 4 行第 6 列（单位编号）：企业信用承诺由镇街或园区收集（属地行政监管），"b1" 是B类单位 (not-applicable)",
			]
		`);
		expect(validate(patches).pledges.map((p) => p.value.id)).toEqual(['p1']);
	});

	it('rejects a pledge of a unit units.csv does not have', () => {
		expect(report({ [FILE]: withRows(FILE, pledge('p2', 't9')) })).toMatchInlineSnapshot(`
			[
			  "data/pledges.csv:3:6: 第 3 行第 6 列（单位编号）：单位编号 "t9" 不在 units.csv 中 (foreign-key)",
			]
		`);
	});

	it('rejects an id used twice', () => {
		expect(report({ [FILE]: withRows(FILE, pledge('p1', 't2')) })).toMatchInlineSnapshot(`
			[
			  "data/pledges.csv:3:1: 第 3 行第 1 列（编号）：承诺书编号 "p1" 重复，与 data/pledges.csv 第 2 行相同；每个承诺书编号只能出现一次 (unique-error)",
			]
		`);
	});
});
