/**
 * What the site publishes about objections (`/objections/`, `/data/objections.*`): an objection from the day it was
 * received, only when what it is about is public, a 失信 record by its public id, and an outcome only once the check
 * was reported on or before the as-of date. Working days counted by hand on the 2024 calendar (no holiday in
 * 2024-11 … 2024-12-04).
 */
import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../src/lib/calendar/workdays.ts';
import { objectionWithheld, publishObjections } from '../../src/lib/objections/public.ts';
import type { ObjectionRow } from '../../src/schemas/objection.ts';

const cal = new WorkCalendar();
const AS_OF = '2024-11-20';

const rows: ObjectionRow[] = [
	// A record since repaired: published by its opaque public id, reported on the as-of date itself.
	{
		id: 'YY-1',
		target: 'record',
		recordId: 'SX-1',
		receivedOn: '2024-11-11',
		concludedOn: '2024-11-20',
		outcome: 'kept',
	},
	// Received on the as-of date: public that day.
	{ id: 'YY-2', target: 'grade', recordId: 't1', period: '2024-Q3', receivedOn: '2024-11-20' },
	// About a candidate not public (yet, or ever).
	{ id: 'YY-3', target: 'exemplar', recordId: 'c-hidden', period: '2024', receivedOn: '2024-11-12' },
	// About a public candidate, reported after the as-of date: still open on the site, no outcome yet.
	{
		id: 'YY-4',
		target: 'exemplar',
		recordId: 'c-pub',
		period: '2024',
		receivedOn: '2024-11-12',
		concludedOn: '2024-11-21',
		outcome: 'corrected',
		correctionId: 'GZ-1',
	},
	// Received after the as-of date.
	{ id: 'YY-5', target: 'grade', recordId: 't1', period: '2024-Q3', receivedOn: '2024-11-21' },
	// A record whose id is no candidate's: records are public whoever the candidates are.
	{ id: 'YY-6', target: 'record', recordId: 'SX-2', receivedOn: '2024-11-11' },
];

const publicId = (id: string) => (id === 'SX-1' ? 'XF-t1-2024-Q4-1' : id);

describe('the published objections', () => {
	it('are those received on or before the as-of date about something public, newest first, with public record ids', () => {
		const list = publishObjections(rows, cal, AS_OF, publicId, new Set(['c-pub']));
		expect(
			list.map((o) => [
				o.id,
				o.recordId,
				o.receivedOn,
				o.deadline,
				o.state,
				o.workdays,
				o.concludedOn,
				o.outcome,
			]),
		).toEqual([
			// 11-21, 11-22, 11-25 … 11-29, 12-02 … 12-04: the 10th working day after 11-20 is 12-04.
			['YY-2', 't1', '2024-11-20', '2024-12-04', 'open', 0, null, null],
			// 11-13 … 11-15, 11-18 … 11-22, 11-25, 11-26; on 11-20 six working days have passed (11-13 … 11-20).
			['YY-4', 'c-pub', '2024-11-12', '2024-11-26', 'open', 6, null, null],
			// Same day received: the larger id first.
			['YY-6', 'SX-2', '2024-11-11', '2024-11-25', 'open', 7, null, null],
			['YY-1', 'XF-t1-2024-Q4-1', '2024-11-11', '2024-11-25', 'on-time', 7, '2024-11-20', 'kept'],
		]);
		expect(list.find((o) => o.id === 'YY-4')!.correctionId).toBeNull();
	});

	it('hold back an objection received after the as-of date or about a candidate not public, saying why', () => {
		const why = (o: ObjectionRow) => objectionWithheld(o, AS_OF, new Set(['c-pub']));
		expect(rows.map(why)).toEqual([
			undefined,
			undefined,
			'异议针对的诚信典型人选尚未公示或不公开：人选公开后才公开',
			undefined,
			'收到日期晚于截至日期：到那一天才公开',
			undefined,
		]);
	});

	it('publish the outcome and correction once the check is reported', () => {
		const [o] = publishObjections([rows[3]], cal, '2024-11-21', publicId, new Set(['c-pub']));
		expect([o.state, o.concludedOn, o.outcome, o.correctionId, o.workdays]).toEqual([
			'on-time',
			'2024-11-21',
			'corrected',
			'GZ-1',
			7,
		]);
	});
});
