/**
 * The validator's report as the office reads it (`reportLines`): problems grouped by file with a blank line between
 * files, one count per code in code order, the total of errors and warnings, and how many `--fix` corrects — a
 * fixable warning (a GBK file) counted with the rest.
 */
import { describe, expect, it } from 'vitest';
import { hasErrors, humanPosition, reportLines, type Issue } from '../../src/lib/issues.ts';

const issue = (over: Partial<Issue>): Issue => ({
	file: 'data/units.csv',
	line: 2,
	column: 1,
	code: 'enum-error',
	message: '说明',
	severity: 'error',
	...over,
});

describe('the validator report', () => {
	it('groups by file, counts per code in code order, and counts fixable warnings as warnings and as fixable', () => {
		const lines = reportLines([
			issue({ file: 'data/units.csv', line: 3, code: 'foreign-key' }),
			issue({
				file: 'data/evidence/2024-Q1.csv',
				line: 1,
				column: 1,
				code: 'encoding-gbk',
				severity: 'warning',
				fixable: true,
			}),
			issue({ file: 'data/units.csv', line: 2, code: 'enum-error' }),
			issue({ file: 'data/evidence/2024-Q1.csv', line: 5, code: 'enum-error' }),
		]);
		expect(lines).toEqual([
			'data/evidence/2024-Q1.csv:1:1: 警告：说明 (encoding-gbk)',
			'data/evidence/2024-Q1.csv:5:1: 说明 (enum-error)',
			'',
			'data/units.csv:2:1: 说明 (enum-error)',
			'data/units.csv:3:1: 说明 (foreign-key)',
			'',
			'  encoding-gbk: 1',
			'  enum-error: 2',
			'  foreign-key: 1',
			'共 3 个错误，1 个警告。',
			'其中 1 个（全角字符、日期写法、文件编码、表头最后的空列）可以自动修正：运行 npm run validate -- --fix，逐条列出改动后再检查一遍。',
		]);
	});

	it('orders by file, then line, then column, then code, whatever order the checks found them in; counts by code name', () => {
		const lines = reportLines([
			issue({ file: 'data/units.csv', line: 10, column: 2, code: 'enum-error' }),
			issue({ file: 'data/units.csv', line: 10, column: 1, code: 'foreign-key' }),
			issue({ file: 'data/unit-names.csv', line: 30, column: 4, code: 'foreign-key' }),
			issue({ file: 'data/units.csv', line: 9, column: 5, code: 'foreign-key' }),
			issue({ file: 'data/units.csv', line: 10, column: 1, code: 'date-invalid' }),
			issue({ file: 'data/unit-names.csv', line: 30, column: 4, code: 'date-order', severity: 'warning' }),
		]);
		expect(lines).toEqual([
			'data/unit-names.csv:30:4: 警告：说明 (date-order)',
			'data/unit-names.csv:30:4: 说明 (foreign-key)',
			'',
			'data/units.csv:9:5: 说明 (foreign-key)',
			'data/units.csv:10:1: 说明 (date-invalid)',
			'data/units.csv:10:1: 说明 (foreign-key)',
			'data/units.csv:10:2: 说明 (enum-error)',
			'',
			// By code name, not by where a code first appears in the report.
			'  date-invalid: 1',
			'  date-order: 1',
			'  enum-error: 1',
			'  foreign-key: 3',
			'共 5 个错误，1 个警告。',
		]);
	});

	it('stops a build for an error and not for warnings alone', () => {
		expect(hasErrors([])).toBe(false);
		expect(
			hasErrors([issue({ severity: 'warning' }), issue({ severity: 'warning', code: 'encoding-gbk' })]),
		).toBe(false);
		expect(hasErrors([issue({ severity: 'warning' }), issue({ line: 9 })])).toBe(true);
	});

	it('says only the total when there is nothing to report', () => {
		expect(reportLines([])).toEqual(['共 0 个错误，0 个警告。']);
	});

	it('gives the spreadsheet row of a cell, which a line break in an earlier cell puts before the file line', () => {
		expect(humanPosition(issue({ line: 9, row: 7, column: 2, header: '类别' }))).toBe(
			'第 7 行第 2 列（类别）',
		);
		expect(humanPosition(issue({ line: 9, row: 7, column: 2 }))).toBe('第 7 行');
		expect(humanPosition(issue({ line: 1, column: 1 }))).toBe('');
	});
});
