/**
 * What the site publishes about objections (`/objections/`, `/data/objections.*`): an objection from the day it was
 * received, only when what it is about is public, a 失信 record by its public id, and an outcome only once the check
 * was reported on or before the as-of date. Working days counted by hand on the 2024 calendar (no holiday in
 * 2024-11 … 2024-12-04).
 */
import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../src/lib/calendar/workdays.ts';
import {
	CLOCK_STATES,
	isOverdue,
	OBJECTION_FIELDS,
	objectionWithheld,
	overText,
	publishObjections,
} from '../../src/lib/objections/public.ts';
import type { ObjectionRow } from '../../src/schemas/objection.ts';
import { buildDataPackage } from '../../src/lib/opendata/datapackage.ts';
import { fileFacts } from '../../src/lib/opendata/facts.ts';

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
		// The same, whatever the order of the rows in the file.
		expect(publishObjections([...rows].reverse(), cal, AS_OF, publicId, new Set(['c-pub']))).toEqual(list);
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

	it('are written to /data/objections.* in the columns the data package describes, the correction among them', () => {
		// Both files are written from OBJECTION_FIELDS: a column left out of it is left out of the open data, while the
		// data package still describes it (and a reader looks in vain for the link from an objection to its correction).
		expect([...OBJECTION_FIELDS]).toEqual([
			'id',
			'target',
			'recordId',
			'period',
			'receivedOn',
			'deadline',
			'concludedOn',
			'outcome',
			'correctionId',
			'workdays',
			'state',
		]);
		const files = new Map(
			['objections.json', 'objections.csv'].map((p) => [p, fileFacts(new TextEncoder().encode('[]'))]),
		);
		const pkg = buildDataPackage({
			site: { name: '测试站', url: 'https://test.example', host: '测试信用办', email: 'office@test.example' },
			asOf: AS_OF,
			rubrics: [],
			files,
		});
		const described = pkg.resources.map((r) => [r.path, r.schema.fields.map((f) => f.name)]);
		expect(described).toEqual([
			['objections.json', [...OBJECTION_FIELDS]],
			['objections.csv', [...OBJECTION_FIELDS]],
		]);
	});
});

describe('how far past its deadline the register says an objection is', () => {
	// Received Friday 2024-11-01: the ten working days are 11-04…11-08 and 11-11…11-15, so the deadline is Friday
	// 2024-11-15 (no holiday in between).
	const at = (concludedOn: string | undefined, asOf: string) => {
		const row: ObjectionRow = {
			id: 'YY-9',
			target: 'grade',
			recordId: 't1',
			period: '2024-Q3',
			receivedOn: '2024-11-01',
		};
		const [o] = publishObjections(
			[concludedOn ? { ...row, concludedOn, outcome: 'kept' } : row],
			cal,
			asOf,
			(id) => id,
			new Set(),
		);
		return [o.deadline, o.state, o.workdays, overText(o)];
	};

	it('says the working days past it, or that it was a rest day right after it, and nothing within the time', () => {
		expect(at('2024-11-15', '2024-11-20')).toEqual(['2024-11-15', 'on-time', 10, '']);
		// Saturday after the deadline: 10 working days used, but after the deadline's date.
		expect(at('2024-11-16', '2024-11-20')).toEqual(['2024-11-15', 'late', 10, '（期限后的休息日办结）']);
		expect(at('2024-11-18', '2024-11-20')).toEqual(['2024-11-15', 'late', 11, '（超过 1 个工作日）']);
		// Still open: on the Sunday after the deadline, and on the Tuesday.
		expect(at(undefined, '2024-11-17')).toEqual(['2024-11-15', 'overdue', 10, '（期限后的休息日）']);
		expect(at(undefined, '2024-11-19')).toEqual(['2024-11-15', 'overdue', 12, '（超过 2 个工作日）']);
		expect(at(undefined, '2024-11-14')).toEqual(['2024-11-15', 'open', 9, '']);
	});

	it('says nothing of how far past it is when the working days are not known (a year no calendar has yet)', () => {
		expect(overText({ state: 'late', over: null })).toBe('');
		expect(overText({ state: 'overdue', over: null })).toBe('');
		expect(overText({ state: 'late', over: 0 })).toBe('（期限后的休息日办结）');
	});
});
