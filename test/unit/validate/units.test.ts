import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../../src/lib/issues.ts';
import { fixtureText } from '../../helpers/files.ts';
import { accounting, DRAFT_Q1, report, validate, withRows } from '../../helpers/validate.ts';

/** A unit added to the fixture, with a name so that only the rule under test speaks. */
const unit = (row: string) => ({
	'units.csv': withRows('units.csv', row),
	'unit-names.csv': withRows('unit-names.csv', `${row.split(',')[0]},新单位,,`),
});

describe('units.csv', () => {
	it("refuses the id pledges, the address of the enterprise pledges' page, at its cell", () => {
		expect(report(unit('pledges,镇街,2026-10-01,,,'))).toEqual([
			'data/units.csv:6:1: 第 6 行第 1 列（单位编号）：单位编号 "pledges" 是网站已用的地址（/commitments/pledges/），不能作为单位编号，请改用其他编号 (reserved-id)',
		]);
		expect(report(unit('pledge,镇街,2026-10-01,,,'))).toEqual([]);
	});
	it('refuses an id Windows keeps for a device, in any case: its folder could not be opened where the office works', () => {
		// Said in each file that types it.
		expect(report(unit('Con,镇街,2026-10-01,,,'))).toEqual([
			'data/units.csv:6:1: 第 6 行第 1 列（单位编号）：编号 "Con" 是 Windows 保留的名称（CON、PRN、AUX、NUL、COM1～COM9、LPT1～LPT9，不分大小写）：编号会成为网址中的文件夹，这样的文件夹在 Windows 上无法打开或检出，请换一个编号 (id-format)',
			'data/unit-names.csv:6:1: 第 6 行第 1 列（单位编号）：编号 "Con" 是 Windows 保留的名称（CON、PRN、AUX、NUL、COM1～COM9、LPT1～LPT9，不分大小写）：编号会成为网址中的文件夹，这样的文件夹在 Windows 上无法打开或检出，请换一个编号 (id-format)',
		]);
		for (const id of ['prn', 'AUX', 'nul', 'com1', 'LPT9'])
			expect(
				report(unit(`${id},镇街,2026-10-01,,,`)).map((l) => l.replace(/.*\((.+)\)$/, '$1')),
				id,
			).toEqual(['id-format', 'id-format']);
		for (const id of ['com0', 'console', 'lpt10', 'nul1'])
			expect(report(unit(`${id},镇街,2026-10-01,,,`)), id).toEqual([]);
	});
	it('rejects a duplicate id and points at both rows', () => {
		const d = validate({ 'units.csv': withRows('units.csv', 't1,镇街,,,,') });
		expect(d.issues.map(formatIssue)).toMatchInlineSnapshot(`
			[
			  "data/units.csv:6:1: 第 6 行第 1 列（单位编号）：单位编号 "t1" 重复，与 data/units.csv 第 2 行相同；每个单位编号只能出现一次 (unique-error)",
			]
		`);
		expect(d.units.map((u) => u.value.id)).toEqual(['t1', 't2', 'a1', 'b1']);
	});

	it('rejects an id that differs from another only in case, naming both rows: one folder on a case-insensitive host', () => {
		const d = validate({ 'units.csv': withRows('units.csv', 'T1,镇街,,,,') });
		expect(d.issues.map(formatIssue)).toMatchInlineSnapshot(`
			[
			  "data/units.csv:6:1: 第 6 行第 1 列（单位编号）：单位编号 "T1" 与 data/units.csv 第 2 行的 "t1" 只差大小写或全角半角，在网址和文件名中会被当作同一个；请改用不同的单位编号 (unique-error)",
			]
		`);
		expect(d.units.map((u) => u.value.id)).toEqual(['t1', 't2', 'a1', 'b1']);
	});

	it('rejects a full-width id that would be another once made half-width', () => {
		const d = validate({ 'units.csv': withRows('units.csv', 'ｔ１,镇街,,,,') });
		expect(d.issues.map(formatIssue)).toMatchInlineSnapshot(`
			[
			  "data/units.csv:6:1: 第 6 行第 1 列（单位编号）："ｔ１" 含全角字符，请改为半角：t1（可运行 npm run validate -- --fix 自动修正） (full-width)",
			  "data/units.csv:6:1: 第 6 行第 1 列（单位编号）：单位编号 "ｔ１" 与 data/units.csv 第 2 行的 "t1" 只差大小写或全角半角，在网址和文件名中会被当作同一个；请改用不同的单位编号 (unique-error)",
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

	it('refuses a unit merged into itself, or into a unit that does not exist on the day of the merger', () => {
		const units = withRows(
			'units.csv',
			'x1,镇街,,2022-06-01,x1,',
			// Two units merged into each other on the same day: neither is left to take the other's history.
			'x2,镇街,,2022-06-01,x3,',
			'x3,镇街,,2022-06-01,x2,',
			// Into a unit set up only after the merger.
			'x4,镇街,,2022-06-01,x5,',
			'x5,镇街,2022-07-01,,,',
			// Into a unit set up on the day of the merger, which is right.
			'x6,镇街,,2022-07-01,x5,',
		);
		const names = withRows(
			'unit-names.csv',
			'x1,甲,,',
			'x2,乙,,',
			'x3,丙,,',
			'x4,丁,,',
			'x5,戊,,',
			'x6,己,,',
		);
		expect(report({ ...DRAFT_Q1, 'units.csv': units, 'unit-names.csv': names })).toEqual([
			'data/units.csv:6:5: 第 6 行第 5 列（并入单位）：单位不能并入自己 (date-order)',
			'data/units.csv:7:5: 第 7 行第 5 列（并入单位）：并入单位 "x3" 在合并生效日 2022-06-01 不存在（设立 —，撤销 2022-06-01） (date-order)',
			'data/units.csv:8:5: 第 8 行第 5 列（并入单位）：并入单位 "x2" 在合并生效日 2022-06-01 不存在（设立 —，撤销 2022-06-01） (date-order)',
			'data/units.csv:9:5: 第 9 行第 5 列（并入单位）：并入单位 "x5" 在合并生效日 2022-06-01 不存在（设立 2022-07-01，撤销 —） (date-order)',
		]);
	});

	it('reports a missing units.csv once, not again at every row that names a unit', () => {
		// Every other table names units: without units.csv the fixture's 50 such rows would each say "不在 units.csv 中"
		// (18,767 lines with the demo data), burying the one line that matters. The rows are kept out.
		const d = validate({ 'units.csv': null });
		expect(d.issues.map(formatIssue)).toMatchInlineSnapshot(`
			[
			  "data/units.csv:1:1: 缺少文件 data/units.csv（被评价单位：每行一个被评价单位（镇街、园区、A类、B类部门））；模板见 data/templates/ (missing-file)",
			]
		`);
		expect([d.evidence.length, d.commitments.length, d.pledges.length, d.candidates.length]).toEqual([
			0, 0, 0, 0,
		]);
		expect(accounting(d, 'evidence/2022-Q1.csv')).toEqual({ rowsIn: 40, rowsValid: 0 });
	});

	it('reports a units.csv it cannot read (Excel "Unicode 文本", an empty file) once', () => {
		const tabs = fixtureText('units.csv').replace(/,/g, '\t');
		const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tabs, 'utf16le')]);
		expect(report({ 'units.csv': new Uint8Array(utf16) }).map((l) => l.replace(/。请.*\(/, ' ('))).toEqual([
			'data/units.csv:1:1: 文件是 Excel 的"Unicode 文本"（UTF-16 编码、制表符分隔），不是 CSV 文件 (bad-encoding)',
		]);
		expect(report({ 'units.csv': '' })).toEqual([
			'data/units.csv:1:1: 文件是空的：至少要有一行表头 (empty-file)',
		]);
	});
});
