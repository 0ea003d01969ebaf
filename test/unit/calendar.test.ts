import { describe, expect, it } from 'vitest';
import { noticeEnd, UnknownCalendarYearError, WorkCalendar } from '../../src/lib/calendar/workdays.ts';

const calendar = new WorkCalendar();

describe('7-working-day 公示 (seed 000 第八条)', () => {
	it('ends a notice starting 2024-09-27 on 2024-10-11: 9-27, the 9-29 makeup Sunday, 9-30, then 10-08 … 10-11', () => {
		expect(noticeEnd(calendar, '2024-09-27')).toBe('2024-10-11');
	});
	it('counts across the 2024 Spring Festival: 2-05 … 2-09, the 2-18 makeup Sunday, 2-19', () => {
		expect(noticeEnd(calendar, '2024-02-05')).toBe('2024-02-19');
	});
	it('does not count the first day when it is a rest day: starting Saturday 2023-01-07 … ends Monday 2023-01-16', () => {
		// 2023-01-07 (Sat) was not a makeup day; 1-09 … 1-13 are days 1–5, 1-16 and 1-17 days 6–7.
		expect(noticeEnd(calendar, '2023-01-07')).toBe('2023-01-17');
	});
	it('uses the office override for a year the package does not know (2030, fictional schedule)', () => {
		const withOverride = new WorkCalendar(
			new Map([
				[
					2030,
					[
						{ date: '2030-10-01', type: 'holiday' as const },
						{ date: '2030-10-02', type: 'holiday' as const },
						{ date: '2030-10-03', type: 'holiday' as const },
						{ date: '2030-10-04', type: 'holiday' as const },
						{ date: '2030-10-07', type: 'holiday' as const },
						{ date: '2030-09-29', type: 'workday' as const },
					],
				],
			]),
		);
		// 9-27 (Fri) 1, 9-29 (Sun, makeup) 2, 9-30 3, 10-08 4, 10-09 5, 10-10 6, 10-11 7.
		expect(noticeEnd(withOverride, '2030-09-27')).toBe('2030-10-11');
	});
	it('refuses to guess in a year nobody knows', () => {
		expect(() => noticeEnd(calendar, '2030-09-27')).toThrow(UnknownCalendarYearError);
	});
	it('lets an office override replace the package’s schedule for that year, holidays and makeup days alike', () => {
		// The package has 2024-10-01 (Tue) as 国庆节 and 2024-09-29 (Sun) as a makeup working day; an override year with no
		// entries declares 2024 a plain year of weekdays, and 2023 keeps the package's schedule.
		const replaced = new WorkCalendar(new Map([[2024, []]]));
		expect(new WorkCalendar().isWorkday('2024-10-01')).toBe(false);
		expect(replaced.isWorkday('2024-10-01')).toBe(true);
		expect(new WorkCalendar().isWorkday('2024-09-29')).toBe(true);
		expect(replaced.isWorkday('2024-09-29')).toBe(false);
		expect(replaced.isWorkday('2023-10-02')).toBe(false);
		expect(replaced.overrideYears).toEqual(new Set([2024]));
	});
	it('names the unknown year in Chinese', () => {
		expect(() => new WorkCalendar().isWorkday('2030-09-27')).toThrow('2030 年的节假日安排未知');
	});
});
