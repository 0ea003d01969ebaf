/**
 * The 10-working-day clock of an objection (seed 004 九), on the State Council's schedule (chinese-days). Every
 * expectation is counted by hand on the calendar.
 */
import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../src/lib/calendar/workdays.ts';
import { objectionClock, objectionDeadline, workdaysAfter } from '../../src/lib/objections/clock.ts';
import {
	CLOCK_STATES,
	isOverdue,
	objectionWithheld,
	publishObjections,
} from '../../src/lib/objections/public.ts';
import type { ObjectionRow } from '../../src/schemas/objection.ts';

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
});

describe('the objections as published on the as-of date (2024-11-20)', () => {
	const rows: ObjectionRow[] = [
		// Received on 11-11 (a Monday), concluded on the as-of date itself: the 7 working days 11-12 … 11-20, on time.
		{
			id: 'YY-1',
			target: 'record',
			recordId: 'SX-1',
			receivedOn: '2024-11-11',
			concludedOn: '2024-11-20',
			outcome: 'corrected',
			correctionId: 'GZ-1',
		},
		// A candidate not public on the as-of date: withheld.
		{ id: 'YY-2', target: 'exemplar', recordId: 'c-private', period: '2024', receivedOn: '2024-11-01' },
		// Received on the as-of date: published; its conclusion is dated the day after, so it is still open.
		{
			id: 'YY-3',
			target: 'grade',
			recordId: 't1',
			period: '2024-Q3',
			receivedOn: '2024-11-20',
			concludedOn: '2024-11-21',
			outcome: 'kept',
		},
		// Received the day after the as-of date: withheld.
		{ id: 'YY-4', target: 'record', recordId: 'SX-3', receivedOn: '2024-11-21' },
		// Same day as YY-1, no conclusion: open, 7 working days in.
		{ id: 'YY-5', target: 'record', recordId: 'SX-2', receivedOn: '2024-11-11' },
		// Across 国庆 2024 (10-01…10-07 off, 10-12 a working Saturday): 10-09 1 … 10-12 4 … 10-18 9, 10-21 10. Concluded
		// on 10-23, the 12th working day: 2 late.
		{
			id: 'YY-6',
			target: 'exemplar',
			recordId: 'c-public',
			period: '2024',
			receivedOn: '2024-10-08',
			concludedOn: '2024-10-23',
			outcome: 'kept',
		},
	];
	const published = publishObjections(rows, cal, '2024-11-20', (id) => `P-${id}`, new Set(['c-public']));

	it('publishes what was received by the as-of date and is about something public, newest first, then by id', () => {
		expect(published.map((o) => o.id)).toEqual(['YY-3', 'YY-5', 'YY-1', 'YY-6']);
		expect(objectionWithheld(rows[1], '2024-11-20', new Set())).toBe(
			'异议针对的诚信典型人选尚未公示或不公开：人选公开后才公开',
		);
		expect(objectionWithheld(rows[3], '2024-11-20', new Set())).toBe('收到日期晚于截至日期：到那一天才公开');
		expect(objectionWithheld(rows[2], '2024-11-20', new Set())).toBeUndefined();
	});

	it('names a 失信 record by its public id, and shows a conclusion only once it has happened', () => {
		expect(published).toEqual([
			{
				id: 'YY-3',
				target: 'grade',
				recordId: 't1',
				period: '2024-Q3',
				receivedOn: '2024-11-20',
				deadline: '2024-12-04',
				concludedOn: null,
				outcome: null,
				correctionId: null,
				workdays: 0,
				state: 'open',
				over: null,
			},
			{
				id: 'YY-5',
				target: 'record',
				recordId: 'P-SX-2',
				period: null,
				receivedOn: '2024-11-11',
				deadline: '2024-11-25',
				concludedOn: null,
				outcome: null,
				correctionId: null,
				workdays: 7,
				state: 'open',
				over: null,
			},
			{
				id: 'YY-1',
				target: 'record',
				recordId: 'P-SX-1',
				period: null,
				receivedOn: '2024-11-11',
				deadline: '2024-11-25',
				concludedOn: '2024-11-20',
				outcome: 'corrected',
				correctionId: 'GZ-1',
				workdays: 7,
				state: 'on-time',
				over: null,
			},
			{
				id: 'YY-6',
				target: 'exemplar',
				recordId: 'c-public',
				period: '2024',
				receivedOn: '2024-10-08',
				deadline: '2024-10-21',
				concludedOn: '2024-10-23',
				outcome: 'kept',
				correctionId: null,
				workdays: 12,
				state: 'late',
				over: 2,
			},
		]);
	});

	it('labels the states in Chinese, those past the 10 working days as overdue', () => {
		expect(CLOCK_STATES.map((s) => `${s.value} ${s.label} ${isOverdue(s.value)}`)).toEqual([
			'overdue 逾期未办结 true',
			'late 逾期办结 true',
			'open 核查中 false',
			'on-time 按期办结 false',
		]);
	});
});
