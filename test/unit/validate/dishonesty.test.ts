import { describe, expect, it } from 'vitest';
import { onlyRows, report, validate, withRows } from '../../helpers/validate.ts';

const FILE = 'dishonesty.csv';
/** The fixture's record d1 (unit t2, 认定 2022-02-01) with its id, unit and repair changed. */
const record = (id: string, unit: string, repairedOn: string, repairHow: string) =>
	`${id},${unit},2022-02-01,一般,失信,逾期未履行协议,法院,${repairedOn},${repairHow}`;

describe('dishonesty.csv', () => {
	it('rejects a record of a unit units.csv does not have, and keeps it out', () => {
		const patches = { [FILE]: onlyRows(FILE, record('d1', 't9', '', '')) };
		expect(report(patches)).toMatchInlineSnapshot(`
			[
			  "data/dishonesty.csv:2:2: 第 2 行第 2 列（单位编号）：单位编号 "t9" 不在 units.csv 中 (foreign-key)",
			]
		`);
		expect(validate(patches).dishonesty).toEqual([]);
	});

	it('rejects a repair dated before the record', () => {
		expect(report({ [FILE]: onlyRows(FILE, record('d1', 't2', '2022-01-31', '已履行')) }))
			.toMatchInlineSnapshot(`
				[
				  "data/dishonesty.csv:2:8: 第 2 行第 8 列（修复日期）：修复日期 2022-01-31 早于认定日期 2022-02-01 (date-order)",
				]
			`);
	});

	it('accepts a repair on the day of the record', () => {
		expect(report({ [FILE]: onlyRows(FILE, record('d1', 't2', '2022-02-01', '已履行')) })).toEqual([]);
	});

	it('asks for how a dated repair was made, and for the date of a described one', () => {
		expect(
			report({
				[FILE]: onlyRows(FILE, record('d1', 't2', '2022-05-10', ''), record('d2', 't2', '', '已履行')),
			}),
		).toMatchInlineSnapshot(`
			[
			  "data/dishonesty.csv:2:9: 第 2 行第 9 列（修复方式）：填写了修复日期，也要写明修复方式 (required)",
			  "data/dishonesty.csv:3:8: 第 3 行第 8 列（修复日期）：填写了修复方式，也要填写修复日期 (required)",
			]
		`);
	});

	it('rejects an id used twice', () => {
		expect(report({ [FILE]: withRows(FILE, record('d1', 't1', '', '')) })).toMatchInlineSnapshot(`
			[
			  "data/dishonesty.csv:3:1: 第 3 行第 1 列（记录编号）：记录编号 "d1" 重复，与 data/dishonesty.csv 第 2 行相同；每个记录编号只能出现一次 (unique-error)",
			]
		`);
	});
});
