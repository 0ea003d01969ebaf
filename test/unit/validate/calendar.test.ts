import { describe, expect, it } from 'vitest';
import { accounting, report, validate } from '../../helpers/validate.ts';
import { fixtureText } from '../../helpers/files.ts';
import { noticeEnd } from '../../../src/lib/calendar/workdays.ts';

const HEADER = '日期,类型,名称';

/**
 * The 13 statutory rest days of a year from 2025 on (《全国年节及纪念日放假办法》), one row each: 元旦, four days of 春节,
 * 清明, 劳动节 (5-01, 5-02), 端午, 中秋, 国庆 (10-01 to 10-03). The lunar ones on made-up days of their seasons.
 */
const FULL = (year: number) =>
	[
		'01-01',
		'02-05',
		'02-06',
		'02-07',
		'02-08',
		'04-05',
		'05-01',
		'05-02',
		'06-14',
		'09-21',
		'10-01',
		'10-02',
		'10-03',
	]
		.map((d) => `${year}-${d},休息,法定节假日\n`)
		.join('');

describe('calendar/<年>.csv', () => {
	it('replaces the year of a valid override file', () => {
		const d = validate({
			'calendar/2030.csv': `${HEADER}\n2030-01-02,休息,调休\n2030-01-05,上班,调休\n${FULL(2030)}`,
		});
		expect(d.issues).toEqual([]);
		expect(d.calendar.knows(2030)).toBe(true);
		// 2030-01-02 is a Wednesday made a rest day; 2030-01-05 a Saturday made a working day.
		expect(d.calendar.isWorkday('2030-01-02')).toBe(false);
		expect(d.calendar.isWorkday('2030-01-05')).toBe(true);
	});

	it('reads 补班, as the State Council notice and calendars call a makeup working day, as 上班', () => {
		const d = validate({ 'calendar/2030.csv': `${HEADER}\n2030-01-05,补班,调休\n${FULL(2030)}` });
		expect(d.issues).toEqual([]);
		// 2030-01-05 is a Saturday.
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
		const patches = {
			'calendar/2030.csv': `${HEADER}\n2030-01-02,休息,调休\n2031-01-06,休息,调休\n${FULL(2030)}`,
		};
		expect(report(patches)).toMatchInlineSnapshot(`
			[
			  "data/calendar/2030.csv:3:1: 第 3 行第 1 列（日期）：日期 2031-01-06 不在文件名所示的 2030 年内；请把这一行移到 calendar/2031.csv (out-of-period)",
			]
		`);
		const d = validate(patches);
		expect(accounting(d, 'calendar/2030.csv')).toEqual({ rowsIn: 15, rowsValid: 14 });
		expect(d.calendar.knows(2031)).toBe(false);
	});

	it('says of a row from a year the package knows to delete it, or that the year is not the office’s to change', () => {
		// chinese-days: 2026-01-01 is 元旦 (a rest day); 2026-01-04, a Sunday, is a 调休 working day; 2026-01-05 a Monday.
		const lines = report({
			'calendar/2027.csv': `${HEADER}\n2026-01-01,休息,元旦\n2026-01-04,上班,元旦\n2026-01-05,休息,元旦\n${FULL(2027)}`,
		});
		expect(lines).toEqual([
			'data/calendar/2027.csv:2:1: 第 2 行第 1 列（日期）：日期 2026-01-01 不在文件名所示的 2027 年内；程序内置的 2026 年节假日安排（chinese-days）已有这一天（休息），请删除这一行 (out-of-period)',
			'data/calendar/2027.csv:3:1: 第 3 行第 1 列（日期）：日期 2026-01-04 不在文件名所示的 2027 年内；程序内置的 2026 年节假日安排（chinese-days）已有这一天（上班），请删除这一行 (out-of-period)',
			'data/calendar/2027.csv:4:1: 第 4 行第 1 列（日期）：日期 2026-01-05 不在文件名所示的 2027 年内；2026 年的节假日安排由程序内置（chinese-days），不能在这里补充，也不要为它另建 calendar/2026.csv（那会替换整年的安排）；内置的安排与国务院办公厅的通知不符时，请告诉网站维护人员 (out-of-period)',
		]);
	});

	it('rejects a date listed twice', () => {
		expect(
			report({ 'calendar/2030.csv': `${HEADER}\n2030-01-02,休息,调休\n2030-01-02,上班,调休\n${FULL(2030)}` }),
		).toMatchInlineSnapshot(`
				[
				  "data/calendar/2030.csv:3:1: 第 3 行第 1 列（日期）：日期 "2030-01-02" 重复，与 data/calendar/2030.csv 第 2 行相同；每个日期只能出现一次 (unique-error)",
				]
			`);
	});

	it('refuses a file with no rest day, such as the empty template, and leaves its year unknown', () => {
		// With 2027 taken as known, a 公示 from 2026-12-28 would end on 2027-01-05, counting 元旦 as a working day;
		// under the real schedule (元旦 a rest day) it ends on 2027-01-06.
		const notices = `${fixtureText('exemplars/notices.csv')}GS-9,2026,2026年度拟认定人选公示,2026-12-28,\n`;
		for (const file of [`${HEADER}\n`, `${HEADER}\n2027-02-20,上班,春节调休\n`]) {
			const patches = { 'calendar/2027.csv': file, 'exemplars/notices.csv': notices };
			expect(report(patches)).toEqual([
				'data/calendar/2027.csv:1:1: 2027 年的节假日补充文件没有列出任何休息日，不能用来计算工作日。请按国务院办公厅公布的 2027 年节假日安排，逐日填写放假的日期（类型“休息”，落在周末的也写）和调休上班的周末（类型“上班”） (calendar-no-holidays)',
				expect.stringMatching(/^data\/exemplars\/notices\.csv:3:4: .*涉及 2027 年.* \(calendar-unknown\)$/),
			]);
			expect(validate(patches).calendar.knows(2027)).toBe(false);
		}
		const d = validate({ 'calendar/2027.csv': `${HEADER}\n${FULL(2027)}`, 'exemplars/notices.csv': notices });
		// GS-9 has no candidate: its warning for that is all there is.
		expect(d.issues.map((i) => `${i.file}:${i.line} ${i.code}`)).toEqual([
			'data/exemplars/notices.csv:3 notice-empty',
		]);
		expect(noticeEnd(d.calendar, '2026-12-28')).toBe('2027-01-06');
	});

	it('says only the rows’ own errors when every row of a file was refused, and still leaves its year unknown', () => {
		// The rest days are there, each row lacking its 名称: "no rest day listed" would send the office the wrong way.
		const patches = { 'calendar/2027.csv': `${HEADER}\n2027-01-01,休息\n2027-02-06,休息\n` };
		expect(report(patches).map((l) => l.replace(/^(\S+): .*\((.+)\)$/, '$1 $2'))).toEqual([
			'data/calendar/2027.csv:2:3 missing-cell',
			'data/calendar/2027.csv:3:3 missing-cell',
		]);
		expect(validate(patches).calendar.knows(2027)).toBe(false);
	});

	it('warns when a file replaces a year chinese-days knows, and uses the file', () => {
		// chinese-days has 2026: 春节 rest from 02-15 to 02-23; the file's own 春节 (02-05 to 02-08) replaces it.
		const d = validate({ 'calendar/2026.csv': `${HEADER}\n${FULL(2026)}` });
		expect(d.issues).toEqual([
			expect.objectContaining({
				file: 'data/calendar/2026.csv',
				line: 1,
				code: 'calendar-replaces',
				severity: 'warning',
				message:
					'chinese-days 已有 2026 年的节假日安排，这个文件将整年替换它（文件中 13 天）。只有国务院调整了当年的安排时才需要这个文件；否则请删除它',
			}),
		]);
		expect(d.calendar.isWorkday('2026-02-16')).toBe(true);
		expect(validate({}).calendar.isWorkday('2026-02-16')).toBe(false);
	});

	it('refuses a 调休 working day typed on a weekday, which would leave the real weekend one a rest day', () => {
		// 2027-02-19 is a Friday: the makeup day meant is Saturday 02-20, which without it counts as a rest day.
		const patches = { 'calendar/2027.csv': `${HEADER}\n${FULL(2027)}2027-02-19,上班,春节调休\n` };
		expect(report(patches)).toMatchInlineSnapshot(`
			[
			  "data/calendar/2027.csv:15:1: 第 15 行第 1 列（日期）：2027-02-19 是星期五，本来就是工作日：调休上班的日子只会是星期六或星期日，请按国务院办公厅的通知核对日期 (calendar-weekday-workday)",
			]
		`);
		expect(accounting(validate(patches), 'calendar/2027.csv')).toEqual({ rowsIn: 14, rowsValid: 13 });
	});

	it('warns for a file that leaves out statutory holidays, naming what is missing, and uses it as written', () => {
		// A 2026 file of 元旦 alone replaces the whole of chinese-days' 2026: 春节 and 国庆 count as working days. A 2027
		// file of 元旦 alone counts a 公示 from 2027-09-28 through 国庆. The office's file is its word for the year (the
		// State Council may move a day), so it is used, and the office is told what it seems to lack.
		expect(
			report({ 'calendar/2026.csv': `${HEADER}\n2026-01-01,休息,元旦\n` }).concat(
				report({ 'calendar/2027.csv': `${HEADER}\n2027-01-01,休息,元旦\n` }),
			),
		).toMatchInlineSnapshot(`
			[
			  "data/calendar/2026.csv:1:1: 警告：2026 年的节假日补充文件可能不完整：没有列出法定节假日 5 月 1 日、5 月 2 日、10 月 1 日、10 月 2 日、10 月 3 日；1 月 20 日至 2 月 22 日之间只列出 0 天休息日，春节至少放假 4 天；共列出 1 天休息日，少于法定的 13 天。按《全国年节及纪念日放假办法》，每年法定放假 13 天（元旦 1 月 1 日，春节 4 天，清明节、端午节、中秋节各 1 天，劳动节 5 月 1 日、2 日，国庆节 10 月 1 日至 3 日），没有列出的日子按工作日计算期限。请按国务院办公厅公布的 2026 年节假日安排逐日补齐放假的日期（类型“休息”，落在周末的也写） (calendar-incomplete)",
			  "data/calendar/2026.csv:1:1: 警告：chinese-days 已有 2026 年的节假日安排，这个文件将整年替换它（文件中 1 天）。只有国务院调整了当年的安排时才需要这个文件；否则请删除它 (calendar-replaces)",
			  "data/calendar/2027.csv:1:1: 警告：2027 年的节假日补充文件可能不完整：没有列出法定节假日 5 月 1 日、5 月 2 日、10 月 1 日、10 月 2 日、10 月 3 日；1 月 20 日至 2 月 22 日之间只列出 0 天休息日，春节至少放假 4 天；共列出 1 天休息日，少于法定的 13 天。按《全国年节及纪念日放假办法》，每年法定放假 13 天（元旦 1 月 1 日，春节 4 天，清明节、端午节、中秋节各 1 天，劳动节 5 月 1 日、2 日，国庆节 10 月 1 日至 3 日），没有列出的日子按工作日计算期限。请按国务院办公厅公布的 2027 年节假日安排逐日补齐放假的日期（类型“休息”，落在周末的也写） (calendar-incomplete)",
			]
		`);
		const only元旦 = validate({ 'calendar/2026.csv': `${HEADER}\n2026-01-01,休息,元旦\n` }).calendar;
		expect([only元旦.isWorkday('2026-01-01'), only元旦.isWorkday('2026-10-02')]).toEqual([false, true]);
		// 10 of the 13 days: 国庆 left out.
		const noNationalDay = FULL(2027)
			.split('\n')
			.filter((l) => !l.includes('-10-'))
			.join('\n');
		expect(report({ 'calendar/2027.csv': `${HEADER}\n${noNationalDay}\n` })).toMatchInlineSnapshot(`
			[
			  "data/calendar/2027.csv:1:1: 警告：2027 年的节假日补充文件可能不完整：没有列出法定节假日 10 月 1 日、10 月 2 日、10 月 3 日；共列出 10 天休息日，少于法定的 13 天。按《全国年节及纪念日放假办法》，每年法定放假 13 天（元旦 1 月 1 日，春节 4 天，清明节、端午节、中秋节各 1 天，劳动节 5 月 1 日、2 日，国庆节 10 月 1 日至 3 日），没有列出的日子按工作日计算期限。请按国务院办公厅公布的 2027 年节假日安排逐日补齐放假的日期（类型“休息”，落在周末的也写） (calendar-incomplete)",
			]
		`);
	});
});
