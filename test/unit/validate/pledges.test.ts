import { describe, expect, it } from 'vitest';
import { onlyRows, report, validate, withRows } from '../../helpers/validate.ts';

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

	it('rejects a pledge signed after its unit was merged, naming the unit to fill in instead', () => {
		// Signed 2022-02-15; t2 was merged into t1 on 2022-02-01.
		const units = onlyRows('units.csv', 't1,镇街,,,,', 't2,镇街,,2022-02-01,t1,', 'a1,A类,,,,', 'b1,B类,,,,');
		// (The fixture's 失信 record of t2, 2022-02-01, goes: it would be one of a day t2 did not exist.)
		const patches = {
			'units.csv': units,
			'dishonesty.csv': onlyRows('dishonesty.csv'),
			[FILE]: withRows(FILE, pledge('p2', 't2')),
		};
		expect(report(patches)).toMatchInlineSnapshot(`
			[
			  "data/pledges.csv:3:5: 第 3 行第 5 列（签订日期）：单位 "t2" 在 2022-02-15 不存在（设立 —，撤销 2022-02-01）；此后它的记录请填并入的单位 "t1" (unit-inactive)",
			]
		`);
		expect(validate(patches).pledges.map((p) => p.value.id)).toEqual(['p1']);
	});

	it('names the unit to fill in only once the unit is merged: from the day of the merger on, not before its setup', () => {
		// t2 set up 2022-01-10 and merged into t1 on 2022-02-15, the day the pledge is signed (its first day gone).
		const lines = (t2: string) =>
			report({
				'units.csv': onlyRows('units.csv', 't1,镇街,,,,', t2, 'a1,A类,,,,', 'b1,B类,,,,'),
				[FILE]: withRows(FILE, pledge('p2', 't2')),
			}).filter((l) => l.startsWith(`data/${FILE}`));
		expect(lines('t2,镇街,2022-01-10,2022-02-15,t1,')).toEqual([
			'data/pledges.csv:3:5: 第 3 行第 5 列（签订日期）：单位 "t2" 在 2022-02-15 不存在（设立 2022-01-10，撤销 2022-02-15）；此后它的记录请填并入的单位 "t1" (unit-inactive)',
		]);
		// Set up after the pledge and merged later: the pledge is before its time, and t1 is not its unit then.
		expect(lines('t2,镇街,2022-02-16,2022-06-01,t1,')).toEqual([
			'data/pledges.csv:3:5: 第 3 行第 5 列（签订日期）：单位 "t2" 在 2022-02-15 不存在（设立 2022-02-16，撤销 2022-06-01） (unit-inactive)',
		]);
	});

	it('rejects a pledge signed before its unit was set up, and takes one signed on that day', () => {
		const lines = (from: string) =>
			report({
				'units.csv': onlyRows('units.csv', 't1,镇街,,,,', `t2,镇街,${from},,,`, 'a1,A类,,,,', 'b1,B类,,,,'),
				[FILE]: withRows(FILE, pledge('p2', 't2')),
			}).filter((l) => l.startsWith(`data/${FILE}`));
		expect(lines('2022-02-16')).toMatchInlineSnapshot(`
			[
			  "data/pledges.csv:3:5: 第 3 行第 5 列（签订日期）：单位 "t2" 在 2022-02-15 不存在（设立 2022-02-16，撤销 —） (unit-inactive)",
			]
		`);
		expect(lines('2022-02-15')).toEqual([]);
	});

	it('says a code typed in full width is full width, with its half-width form, and checks that form too', () => {
		const typed = (code: string) =>
			report({ [FILE]: withRows(FILE, `p2,乙公司,${code},安全,2022-02-15,t1`) });
		// ９１３２０８０３ＭＡ１Ｂ２Ｃ０１４Ｘ is 91320803MA1B2C014X, whose check character is X (valid).
		expect(typed('９１３２０８０３ＭＡ１Ｂ２Ｃ０１４Ｘ')).toMatchInlineSnapshot(`
			[
			  "data/pledges.csv:3:3: 第 3 行第 3 列（统一社会信用代码）："９１３２０８０３ＭＡ１Ｂ２Ｃ０１４Ｘ" 含全角字符，请改为半角：91320803MA1B2C014X（可运行 npm run validate -- --fix 自动修正） (full-width)",
			]
		`);
		// With the check character 0 for X, the half-width code is wrong too: both are said now.
		expect(typed('９１３２０８０３ＭＡ１Ｂ２Ｃ０１４０')).toMatchInlineSnapshot(`
			[
			  "data/pledges.csv:3:3: 第 3 行第 3 列（统一社会信用代码）："９１３２０８０３ＭＡ１Ｂ２Ｃ０１４０" 含全角字符，请改为半角：91320803MA1B2C0140（可运行 npm run validate -- --fix 自动修正） (full-width)",
			  "data/pledges.csv:3:3: 第 3 行第 3 列（统一社会信用代码）：统一社会信用代码 "91320803MA1B2C0140" 的校验位（第 18 位）应为 X，请核对是否抄错 (uscc-invalid)",
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
