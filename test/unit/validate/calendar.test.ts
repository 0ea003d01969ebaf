import { describe, expect, it } from 'vitest';
import { accounting, report, validate } from '../../helpers/validate.ts';

const HEADER = '日期,类型,名称';

describe('calendar/<年>.csv', () => {
	it('replaces the year of a valid override file', () => {
		const d = validate({ 'calendar/2030.csv': `${HEADER}\n2030-01-02,休息,调休\n2030-01-05,上班,调休\n` });
		expect(d.issues).toEqual([]);
		expect(d.calendar.knows(2030)).toBe(true);
		// 2030-01-02 is a Wednesday made a rest day; 2030-01-05 a Saturday made a working day.
		expect(d.calendar.isWorkday('2030-01-02')).toBe(false);
		expect(d.calendar.isWorkday('2030-01-05')).toBe(true);
	});

	it('does not read a file not named for a year', () => {
		const patches = { 'calendar/holidays.csv': `${HEADER}\n2030-01-02,休息,调休\n` };
		expect(report(patches)).toMatchInlineSnapshot(`
			[
			  "data/calendar/holidays.csv:1:1: 节假日补充文件应按年份命名，如 2027.csv (file-name)",
			]
		`);
		expect(validate(patches).calendar.knows(2030)).toBe(false);
	});

	it('rejects a date outside the year of its file, and does not use it', () => {
		const patches = { 'calendar/2030.csv': `${HEADER}\n2030-01-02,休息,调休\n2031-01-06,休息,调休\n` };
		expect(report(patches)).toMatchInlineSnapshot(`
			[
			  "data/calendar/2030.csv:3:1: 第 3 行第 1 列（日期）：日期 2031-01-06 不在文件名所示的 2030 年内 (out-of-period)",
			]
		`);
		const d = validate(patches);
		expect(accounting(d, 'calendar/2030.csv')).toEqual({ rowsIn: 2, rowsValid: 1 });
		expect(d.calendar.knows(2031)).toBe(false);
	});

	it('rejects a date listed twice', () => {
		expect(report({ 'calendar/2030.csv': `${HEADER}\n2030-01-02,休息,调休\n2030-01-02,上班,调休\n` }))
			.toMatchInlineSnapshot(`
				[
				  "data/calendar/2030.csv:3:1: 第 3 行第 1 列（日期）：日期 "2030-01-02" 重复，与 data/calendar/2030.csv 第 2 行相同；每个日期只能出现一次 (unique-error)",
				]
			`);
	});
});
