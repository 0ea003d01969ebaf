import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../../src/lib/issues.ts';
import { report, validate, withRows } from '../../helpers/validate.ts';

/** A unit added to the fixture, with a name so that only the rule under test speaks. */
const unit = (row: string) => ({
	'units.csv': withRows('units.csv', row),
	'unit-names.csv': withRows('unit-names.csv', `${row.split(',')[0]},新单位,,`),
});

describe('units.csv', () => {
	it('rejects a duplicate id and points at both rows', () => {
		const d = validate({ 'units.csv': withRows('units.csv', 't1,镇街,,,,') });
		expect(d.issues.map(formatIssue)).toMatchInlineSnapshot(`
			[
			  "data/units.csv:6:1: 第 6 行第 1 列（单位编号）：单位编号 "t1" 重复，与 data/units.csv 第 2 行相同；每个单位编号只能出现一次 (unique-error)",
			]
		`);
		expect(d.units.map((u) => u.value.id)).toEqual(['t1', 't2', 'a1', 'b1']);
	});

	it('rejects a unit dissolved on the day it was set up', () => {
		expect(report(unit('x1,A类,2022-05-01,2022-05-01,,'))).toMatchInlineSnapshot(`
			[
			  "data/units.csv:6:4: 第 6 行第 4 列（撤销日期）：撤销日期 2022-05-01 应晚于设立日期 2022-05-01 (date-order)",
			]
		`);
	});

	it('accepts a unit dissolved the day after it was set up', () => {
		expect(report(unit('x1,A类,2022-05-01,2022-05-02,,'))).toEqual([]);
	});

	it('rejects a merger into a unit units.csv does not have', () => {
		expect(report(unit('x1,A类,,2022-05-01,x9,'))).toMatchInlineSnapshot(`
			[
			  "data/units.csv:6:5: 第 6 行第 5 列（并入单位）：并入单位 "x9" 不在 units.csv 中；是否应为 "x1"？ (foreign-key)",
			  "data/releases/releases.csv:2:1: 第 2 行第 1 列（季度）：2022-Q1 已登记发布，但"新单位"（x1）缺少指标 1.1、1.2、1.3、2.1、3.1、3.2、3.3、3.4、3.5、3.6、5.4 的评价记录：每个单位的每项适用指标至少要有一行，没有可报的事实就填一行类型为“无”的记录；尚未填完的季度请先删去这一行发布记录 (release-incomplete)",
			]
		`);
	});

	it('asks for the dissolution date of a merged unit', () => {
		expect(report(unit('x1,A类,,,a1,'))).toMatchInlineSnapshot(`
			[
			  "data/units.csv:6:4: 第 6 行第 4 列（撤销日期）：填写了并入单位，也要填写撤销日期（合并生效日） (required)",
			  "data/releases/releases.csv:2:1: 第 2 行第 1 列（季度）：2022-Q1 已登记发布，但"新单位"（x1）缺少指标 1.1、1.2、1.3、2.1、3.1、3.2、3.3、3.4、3.5、3.6、5.4 的评价记录：每个单位的每项适用指标至少要有一行，没有可报的事实就填一行类型为“无”的记录；尚未填完的季度请先删去这一行发布记录 (release-incomplete)",
			]
		`);
	});

	it('reports a missing units.csv, and every row that refers to a unit', () => {
		expect(report({ 'units.csv': null })).toMatchInlineSnapshot(`
			[
			  "data/units.csv:1:1: 缺少文件 data/units.csv（被评价单位：每行一个被评价单位（镇街、园区、A类、B类部门））；模板见 data/templates/ (missing-file)",
			  "data/unit-names.csv:2:1: 第 2 行第 1 列（单位编号）：单位编号 "t1" 不在 units.csv 中 (foreign-key)",
			  "data/unit-names.csv:3:1: 第 3 行第 1 列（单位编号）：单位编号 "t2" 不在 units.csv 中 (foreign-key)",
			  "data/unit-names.csv:4:1: 第 4 行第 1 列（单位编号）：单位编号 "a1" 不在 units.csv 中 (foreign-key)",
			  "data/unit-names.csv:5:1: 第 5 行第 1 列（单位编号）：单位编号 "b1" 不在 units.csv 中 (foreign-key)",
			  "data/evidence/2022-Q1.csv:2:2: 第 2 行第 2 列（单位编号）：单位编号 "t1" 不在 units.csv 中 (foreign-key)",
			  "data/evidence/2022-Q1.csv:3:2: 第 3 行第 2 列（单位编号）：单位编号 "t1" 不在 units.csv 中 (foreign-key)",
			  "data/evidence/2022-Q1.csv:4:2: 第 4 行第 2 列（单位编号）：单位编号 "t1" 不在 units.csv 中 (foreign-key)",
			  "data/evidence/2022-Q1.csv:5:2: 第 5 行第 2 列（单位编号）：单位编号 "a1" 不在 units.csv 中 (foreign-key)",
			  "data/evidence/2022-Q1.csv:6:2: 第 6 行第 2 列（单位编号）：单位编号 "b1" 不在 units.csv 中 (foreign-key)",
			  "data/evidence/2022-Q1.csv:7:2: 第 7 行第 2 列（单位编号）：单位编号 "t1" 不在 units.csv 中 (foreign-key)",
			  "data/evidence/2022-Q1.csv:8:2: 第 8 行第 2 列（单位编号）：单位编号 "t1" 不在 units.csv 中 (foreign-key)",
			  "data/evidence/2022-Q1.csv:9:2: 第 9 行第 2 列（单位编号）：单位编号 "t1" 不在 units.csv 中 (foreign-key)",
			  "data/evidence/2022-Q1.csv:10:2: 第 10 行第 2 列（单位编号）：单位编号 "t1" 不在 units.csv 中 (foreign-key)",
			  "data/evidence/2022-Q1.csv:11:2: 第 11 行第 2 列（单位编号）：单位编号 "t1" 不在 units.csv 中 (foreign-key)",
			  "data/evidence/2022-Q1.csv:12:2: 第 12 行第 2 列（单位编号）：单位编号 "t1" 不在 units.csv 中 (foreign-key)",
			  "data/evidence/2022-Q1.csv:13:2: 第 13 行第 2 列（单位编号）：单位编号 "t1" 不在 units.csv 中 (foreign-key)",
			  "data/evidence/2022-Q1.csv:14:2: 第 14 行第 2 列（单位编号）：单位编号 "t2" 不在 units.csv 中 (foreign-key)",
			  "data/evidence/2022-Q1.csv:15:2: 第 15 行第 2 列（单位编号）：单位编号 "t2" 不在 units.csv 中 (foreign-key)",
			  "data/evidence/2022-Q1.csv:16:2: 第 16 行第 2 列（单位编号）：单位编号 "t2" 不在 units.csv 中 (foreign-key)",
			  "data/evidence/2022-Q1.csv:17:2: 第 17 行第 2 列（单位编号）：单位编号 "t2" 不在 units.csv 中 (foreign-key)",
			  "data/evidence/2022-Q1.csv:18:2: 第 18 行第 2 列（单位编号）：单位编号 "t2" 不在 units.csv 中 (foreign-key)",
			  "data/evidence/2022-Q1.csv:19:2: 第 19 行第 2 列（单位编号）：单位编号 "t2" 不在 units.csv 中 (foreign-key)",
			  "data/evidence/2022-Q1.csv:20:2: 第 20 行第 2 列（单位编号）：单位编号 "t2" 不在 units.csv 中 (foreign-key)",
			  "data/evidence/2022-Q1.csv:21:2: 第 21 行第 2 列（单位编号）：单位编号 "t2" 不在 units.csv 中 (foreign-key)",
			  "data/evidence/2022-Q1.csv:22:2: 第 22 行第 2 列（单位编号）：单位编号 "t2" 不在 units.csv 中 (foreign-key)",
			  "data/evidence/2022-Q1.csv:23:2: 第 23 行第 2 列（单位编号）：单位编号 "t2" 不在 units.csv 中 (foreign-key)",
			  "data/evidence/2022-Q1.csv:24:2: 第 24 行第 2 列（单位编号）：单位编号 "a1" 不在 units.csv 中 (foreign-key)",
			  "data/evidence/2022-Q1.csv:25:2: 第 25 行第 2 列（单位编号）：单位编号 "a1" 不在 units.csv 中 (foreign-key)",
			  "data/evidence/2022-Q1.csv:26:2: 第 26 行第 2 列（单位编号）：单位编号 "a1" 不在 units.csv 中 (foreign-key)",
			  "data/evidence/2022-Q1.csv:27:2: 第 27 行第 2 列（单位编号）：单位编号 "a1" 不在 units.csv 中 (foreign-key)",
			  "data/evidence/2022-Q1.csv:28:2: 第 28 行第 2 列（单位编号）：单位编号 "a1" 不在 units.csv 中 (foreign-key)",
			  "data/evidence/2022-Q1.csv:29:2: 第 29 行第 2 列（单位编号）：单位编号 "a1" 不在 units.csv 中 (foreign-key)",
			  "data/evidence/2022-Q1.csv:30:2: 第 30 行第 2 列（单位编号）：单位编号 "a1" 不在 units.csv 中 (foreign-key)",
			  "data/evidence/2022-Q1.csv:31:2: 第 31 行第 2 列（单位编号）：单位编号 "a1" 不在 units.csv 中 (foreign-key)",
			  "data/evidence/2022-Q1.csv:32:2: 第 32 行第 2 列（单位编号）：单位编号 "a1" 不在 units.csv 中 (foreign-key)",
			  "data/evidence/2022-Q1.csv:33:2: 第 33 行第 2 列（单位编号）：单位编号 "a1" 不在 units.csv 中 (foreign-key)",
			  "data/evidence/2022-Q1.csv:34:2: 第 34 行第 2 列（单位编号）：单位编号 "b1" 不在 units.csv 中 (foreign-key)",
			  "data/evidence/2022-Q1.csv:35:2: 第 35 行第 2 列（单位编号）：单位编号 "b1" 不在 units.csv 中 (foreign-key)",
			  "data/evidence/2022-Q1.csv:36:2: 第 36 行第 2 列（单位编号）：单位编号 "b1" 不在 units.csv 中 (foreign-key)",
			  "data/evidence/2022-Q1.csv:37:2: 第 37 行第 2 列（单位编号）：单位编号 "b1" 不在 units.csv 中 (foreign-key)",
			  "data/evidence/2022-Q1.csv:38:2: 第 38 行第 2 列（单位编号）：单位编号 "b1" 不在 units.csv 中 (foreign-key)",
			  "data/evidence/2022-Q1.csv:39:2: 第 39 行第 2 列（单位编号）：单位编号 "b1" 不在 units.csv 中 (foreign-key)",
			  "data/evidence/2022-Q1.csv:40:2: 第 40 行第 2 列（单位编号）：单位编号 "b1" 不在 units.csv 中 (foreign-key)",
			  "data/evidence/2022-Q1.csv:41:2: 第 41 行第 2 列（单位编号）：单位编号 "b1" 不在 units.csv 中 (foreign-key)",
			  "data/dishonesty.csv:2:2: 第 2 行第 2 列（单位编号）：单位编号 "t2" 不在 units.csv 中 (foreign-key)",
			  "data/exemplars/candidates.csv:2:11: 第 2 行第 11 列（推荐单位）：推荐单位 "a1" 不在 units.csv 中 (foreign-key)",
			  "data/commitments/commitments.csv:2:2: 第 2 行第 2 列（单位编号）：单位编号 "t1" 不在 units.csv 中 (foreign-key)",
			  "data/commitments/commitments.csv:3:2: 第 3 行第 2 列（单位编号）：单位编号 "t1" 不在 units.csv 中 (foreign-key)",
			  "data/pledges.csv:2:6: 第 2 行第 6 列（单位编号）：单位编号 "t1" 不在 units.csv 中 (foreign-key)",
			]
		`);
	});
});
