/**
 * The 10-working-day clock of an objection (seed 004 九), on the State Council's schedule (chinese-days). Every
 * expectation is counted by hand on the calendar.
 */
import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../src/lib/calendar/workdays.ts';
import { objectionClock, objectionDeadline, workdaysAfter } from '../../src/lib/objections/clock.ts';

const cal = new WorkCalendar();

describe('the objection clock', () => {
	it('runs across 国庆 2025: received the day before the holiday, due on 2025-10-21', () => {
		// 10-01…10-08 off; 09-28 (Sun) and 10-11 (Sat) are 调休 working days. Counting from the day after receipt:
		// 10-09 1, 10-10 2, 10-11 3, 10-13 4, 10-14 5, 10-15 6, 10-16 7, 10-17 8, 10-20 9, 10-21 10.
		expect(objectionDeadline(cal, '2025-09-30')).toBe('2025-10-21');
		expect(objectionClock(cal, { receivedOn: '2025-09-30' }, '2025-10-20')).toEqual({
			deadline: '2025-10-21',
			state: 'open',
			elapsed: 9,
		});
		expect(objectionClock(cal, { receivedOn: '2025-09-30' }, '2025-10-22')).toEqual({
			deadline: '2025-10-21',
			state: 'overdue',
			elapsed: 11,
			over: 1,
		});
	});

	it('does not count the day of receipt, and a check reported on the 10th working day is on time', () => {
		// A Monday: 11-11 … 11-15 and 11-18 … 11-22 are the ten working days after it.
		expect(objectionDeadline(cal, '2024-11-11')).toBe('2024-11-25');
		expect(workdaysAfter(cal, '2024-11-11', '2024-11-11')).toBe(0);
		expect(
			objectionClock(cal, { receivedOn: '2024-11-11', concludedOn: '2024-11-25' }, '2026-01-01'),
		).toEqual({
			deadline: '2024-11-25',
			state: 'on-time',
			elapsed: 10,
		});
	});

	it('marks a check reported late, by how many working days', () => {
		// 国庆 2023: 09-29…10-06 off, 10-07 and 10-08 (weekend) worked. After 09-27: 09-28 1, 10-07 2, 10-08 3, 10-09 4,
		// 10-10 5, 10-11 6, 10-12 7, 10-13 8, 10-16 9, 10-17 10; reported 10-20: 10-18, 10-19, 10-20 late.
		expect(
			objectionClock(cal, { receivedOn: '2023-09-27', concludedOn: '2023-10-20' }, '2026-11-22'),
		).toEqual({
			deadline: '2023-10-17',
			state: 'late',
			elapsed: 13,
			over: 3,
		});
	});

	it('treats a conclusion dated after the as-of date as not yet reported', () => {
		expect(
			objectionClock(cal, { receivedOn: '2024-11-11', concludedOn: '2024-11-20' }, '2024-11-15').state,
		).toBe('open');
	});

	it('leaves the working days of an open objection unknown, not a crash, when the as-of date is in a year no calendar knows', async () => {
		// In the site build the calendar comes from the content layer's copy of workdays.ts and objectionClock from the
		// bundle's: a second copy of the module (a query makes Vite load one) throws an error of another class. With
		// instanceof, the build of 2027-01-25 stopped on /data/datapackage.json ("这是网站程序的问题").
		const copy = new URL('../../src/lib/calendar/workdays.ts?copy', import.meta.url).href;
		const other = (await import(
			/* @vite-ignore */ copy
		)) as typeof import('../../src/lib/calendar/workdays.ts');
		for (const calendar of [cal, new other.WorkCalendar()])
			expect(objectionClock(calendar, { receivedOn: '2026-11-20' }, '2027-01-25')).toEqual({
				deadline: '2026-12-04',
				state: 'overdue',
			});
	});
});
