import { describe, expect, it } from 'vitest';
import { noticeEnd, WorkCalendar } from '../../src/lib/calendar/workdays.ts';
import {
	deriveLifecycle,
	lifecycleProblems,
	noticeRunning,
	type LifecycleFacts,
} from '../../src/lib/exemplars/lifecycle.ts';
import { validateDataset } from '../../src/lib/validate/dataset.ts';
import { fixture } from '../helpers/files.ts';

const calendar = new WorkCalendar();
const clear = (date: string) =>
	(['discipline', 'police', 'procuratorate', 'petition'] as const).map((body) => ({
		body,
		result: 'clear' as const,
		date,
	}));
type Events = LifecycleFacts['events'];

/** A candidate noticed in GS-2026-01 (starts Wednesday 2026-11-18), with the given events. */
const noticed2026 = (events: Events = []): LifecycleFacts => ({
	recommendedOn: '2026-10-28',
	reviews: clear('2026-11-06'),
	review: 'passed',
	notice: { start: '2026-11-18', end: noticeEnd(calendar, '2026-11-18') },
	events,
});

describe('the 7-working-day 公示 behind the lifecycle (seed 000 第八条)', () => {
	it('ends GS-2026-01 (from Wednesday 2026-11-18) on Thursday 2026-11-26: 18, 19, 20, 23, 24, 25, 26', () => {
		expect(noticeEnd(calendar, '2026-11-18')).toBe('2026-11-26');
	});
	it('ends GS-2022-01 (from Monday 2023-01-09) on Tuesday 2023-01-17: 9–13, 16, 17', () => {
		expect(noticeEnd(calendar, '2023-01-09')).toBe('2023-01-17');
	});
	it('counts the 2023 Spring Festival makeup weekend: from 2023-01-16, days 16–20, then Sat 1-28 and Sun 1-29', () => {
		// 1-21 … 1-27 are the holiday; 1-28 (Saturday) and 1-29 (Sunday) were working days (调休).
		expect(noticeEnd(calendar, '2023-01-16')).toBe('2023-01-29');
	});
});

describe('before the 公示: nobody is public', () => {
	const base = { recommendedOn: '2026-11-10', events: [] };
	it('is 已推荐 with no review reply yet', () => {
		expect(deriveLifecycle({ ...base, reviews: [] }, '2026-11-22')).toEqual({
			stage: 'recommended',
			public: false,
		});
	});
	it('is 信用审查中 while some of the four bodies have not replied (like 2026-004)', () => {
		const reviews = clear('2026-11-17').filter((r) => r.body === 'discipline' || r.body === 'petition');
		expect(deriveLifecycle({ ...base, reviews }, '2026-11-22').stage).toBe('reviewing');
	});
	it('disqualifies on any hit (seed 000 第七条), even when the other bodies are clear (like 2022-005)', () => {
		const reviews = clear('2022-12-14').map((r) =>
			r.body === 'police' ? { ...r, result: 'hit' as const, date: '2022-12-16' } : r,
		);
		const l = deriveLifecycle({ ...base, recommendedOn: '2022-12-09', reviews }, '2026-11-22');
		expect(l).toEqual({ stage: 'disqualified', public: false });
	});
	it('knows of a hit replied on the as-of date itself', () => {
		const reviews = clear('2026-11-17').map((r) =>
			r.body === 'police' ? { ...r, result: 'hit' as const, date: '2026-11-22' } : r,
		);
		expect(deriveLifecycle({ ...base, reviews }, '2026-11-22').stage).toBe('disqualified');
	});
	it('does not know of a hit replied after the as-of date', () => {
		const reviews = clear('2022-12-14').map((r) =>
			r.body === 'police' ? { ...r, result: 'hit' as const, date: '2022-12-16' } : r,
		);
		expect(deriveLifecycle({ ...base, reviews }, '2022-12-15').stage).toBe('reviewing');
	});
	it('waits for 评审 once all four bodies are clear', () => {
		expect(deriveLifecycle({ ...base, reviews: clear('2026-11-06') }, '2026-11-22').stage).toBe('evaluating');
	});
	it('is 评审未通过 when the panel said no (like 2026-005)', () => {
		const l = deriveLifecycle({ ...base, reviews: clear('2026-11-06'), review: 'failed' }, '2026-11-22');
		expect(l).toEqual({ stage: 'failed', public: false });
	});
	it('is 待公示, not public, when passed but the notice has not started (the day before GS-2026-01)', () => {
		expect(deriveLifecycle(noticed2026(), '2026-11-17')).toEqual({ stage: 'awaiting-notice', public: false });
	});
	it('is 待公示 when passed and not yet in any notice', () => {
		const { notice: _, ...facts } = noticed2026();
		expect(deriveLifecycle(facts, '2026-11-22').stage).toBe('awaiting-notice');
	});
});

describe('公示 and 认定', () => {
	it('is public from the first day of the 公示', () => {
		expect(deriveLifecycle(noticed2026(), '2026-11-18')).toEqual({
			stage: 'publicizing',
			public: true,
			noticeStart: '2026-11-18',
			noticeEnd: '2026-11-26',
			recognizedOn: undefined,
			endedOn: undefined,
			publicReason: undefined,
		});
	});
	it('is still 公示中 on the 7th working day itself (2026-11-26)', () => {
		expect(deriveLifecycle(noticed2026(), '2026-11-26').stage).toBe('publicizing');
	});
	it('is 已认定 from the first day after the 7th working day (2026-11-27)', () => {
		const l = deriveLifecycle(noticed2026(), '2026-11-27');
		expect(l.stage).toBe('recognized');
		expect(l.recognizedOn).toBe('2026-11-27');
	});
	it('across the Spring Festival: 公示中 on the holiday 2023-01-27 and on the makeup Sunday 1-29, 已认定 on 1-30', () => {
		const facts: LifecycleFacts = { ...noticed2026(), notice: { start: '2023-01-16', end: '2023-01-29' } };
		expect(deriveLifecycle(facts, '2023-01-27').stage).toBe('publicizing');
		expect(deriveLifecycle(facts, '2023-01-29').stage).toBe('publicizing');
		expect(deriveLifecycle(facts, '2023-01-30')).toMatchObject({
			stage: 'recognized',
			recognizedOn: '2023-01-30',
		});
	});
});

describe('objections (seed 000 第八条 "无异议的认定", 第十条)', () => {
	const objection = { date: '2026-11-20', event: 'objection' as const };
	it('keeps a candidate with an open objection at 公示中/待核实 (like 2026-001 on 2026-11-22)', () => {
		expect(deriveLifecycle(noticed2026([objection]), '2026-11-22').stage).toBe('verifying');
	});
	it('stays 待核实 after the 7th working day until a conclusion is recorded', () => {
		const l = deriveLifecycle(noticed2026([objection]), '2026-12-31');
		expect(l.stage).toBe('verifying');
		expect(l.recognizedOn).toBeUndefined();
		expect(l.public).toBe(true);
	});
	it('invites objections while the 公示 runs, and not after its last day while one is still being checked', () => {
		// The 2026 notice runs 2026-11-18 to 2026-11-26 (7th working day).
		const on = (asOf: string) => {
			const l = deriveLifecycle(noticed2026([objection]), asOf);
			return [l.stage, noticeRunning(l.stage, l.noticeEnd!, asOf)];
		};
		expect(on('2026-11-26')).toEqual(['verifying', true]);
		expect(on('2026-11-27')).toEqual(['verifying', false]);
		expect(on('2026-12-02')).toEqual(['verifying', false]);
		const quiet = (asOf: string) => {
			const l = deriveLifecycle(noticed2026([]), asOf);
			return [l.stage, noticeRunning(l.stage, l.noticeEnd!, asOf)];
		};
		expect(quiet('2026-11-18')).toEqual(['publicizing', true]);
		expect(quiet('2026-11-27')).toEqual(['recognized', false]);
		// An upheld objection ends the candidacy within the 公示 (未予认定): no more objections are invited.
		const upheld = deriveLifecycle(
			noticed2026([objection, { date: '2026-11-21', event: 'objection-upheld' }]),
			'2026-11-23',
		);
		expect([upheld.stage, noticeRunning(upheld.stage, upheld.noticeEnd!, '2026-11-23')]).toEqual([
			'not-recognized',
			false,
		]);
	});
	it('recognises on the usual day when the objection is found unfounded within the 公示', () => {
		const events: Events = [objection, { date: '2026-11-24', event: 'objection-rejected' }];
		expect(deriveLifecycle(noticed2026(events), '2026-11-24').stage).toBe('publicizing');
		expect(deriveLifecycle(noticed2026(events), '2026-11-27')).toMatchObject({
			stage: 'recognized',
			recognizedOn: '2026-11-27',
		});
	});
	it('recognises on the day of the conclusion when it comes after the 公示 ended', () => {
		const events: Events = [objection, { date: '2026-12-03', event: 'objection-rejected' }];
		expect(deriveLifecycle(noticed2026(events), '2026-12-02').stage).toBe('verifying');
		expect(deriveLifecycle(noticed2026(events), '2026-12-03')).toMatchObject({
			stage: 'recognized',
			recognizedOn: '2026-12-03',
		});
	});
	it('waits for every objection: two objections, one concluded, is still 待核实', () => {
		const events: Events = [
			objection,
			{ date: '2026-11-23', event: 'objection' },
			{ date: '2026-11-24', event: 'objection-rejected' },
		];
		expect(deriveLifecycle(noticed2026(events), '2026-11-30').stage).toBe('verifying');
	});
	it('does not recognise when an objection is upheld: 未予认定 on the day of the conclusion, still public', () => {
		const events: Events = [
			objection,
			{ date: '2026-11-25', event: 'objection-upheld', publicReason: '经核实，反映的问题属实。' },
		];
		expect(deriveLifecycle(noticed2026(events), '2026-11-30')).toEqual({
			stage: 'not-recognized',
			public: true,
			noticeStart: '2026-11-18',
			noticeEnd: '2026-11-26',
			recognizedOn: undefined,
			endedOn: '2026-11-25',
			publicReason: '经核实，反映的问题属实。',
		});
	});
	it('treats an objection on the day after the 公示 as a complaint against an exemplar already recognised', () => {
		const l = deriveLifecycle(noticed2026([{ date: '2026-11-27', event: 'objection' }]), '2026-11-30');
		expect(l).toMatchObject({ stage: 'recognized', recognizedOn: '2026-11-27' });
	});
	it('ignores events dated after the as-of date', () => {
		expect(
			deriveLifecycle(noticed2026([{ date: '2026-11-23', event: 'objection' }]), '2026-11-22').stage,
		).toBe('publicizing');
	});
});

describe('撤销 after recognition (like 2022-003)', () => {
	const facts: LifecycleFacts = {
		recommendedOn: '2022-12-08',
		reviews: clear('2022-12-16'),
		review: 'passed',
		notice: { start: '2023-01-09', end: '2023-01-17' },
		events: [
			{ date: '2023-06-01', event: 'objection' },
			{ date: '2023-06-20', event: 'revoked', publicReason: '经核实，存在违反规定的问题。' },
		],
	};
	it('stays 已认定 (since 2023-01-18) while a complaint is checked', () => {
		expect(deriveLifecycle(facts, '2023-06-19')).toMatchObject({
			stage: 'recognized',
			recognizedOn: '2023-01-18',
		});
	});
	it('is 已撤销 from the revocation, keeping the recognition date and the public reason', () => {
		expect(deriveLifecycle(facts, '2023-06-20')).toEqual({
			stage: 'revoked',
			public: true,
			noticeStart: '2023-01-09',
			noticeEnd: '2023-01-17',
			recognizedOn: '2023-01-18',
			endedOn: '2023-06-20',
			publicReason: '经核实，存在违反规定的问题。',
		});
	});
});

describe('events that do not fit the lifecycle', () => {
	const messages = (events: Events) =>
		lifecycleProblems(noticed2026(events)).map((p) => [p.event, p.message]);
	it('accepts the demo patterns', () => {
		expect(messages([{ date: '2026-11-20', event: 'objection' }])).toEqual([]);
		expect(
			messages([
				{ date: '2026-11-20', event: 'objection' },
				{ date: '2026-11-25', event: 'objection-upheld' },
			]),
		).toEqual([]);
	});
	it('refuses a conclusion with no objection before it', () => {
		expect(messages([{ date: '2026-11-20', event: 'objection-rejected' }])).toEqual([
			[0, '此前没有尚未核实的异议，不能记录核实结论；请先记录"异议"'],
		]);
	});
	it('refuses a revocation before recognition (an objection upheld during 公示 is 异议成立)', () => {
		const p = lifecycleProblems(noticed2026([{ date: '2026-11-24', event: 'revoked', publicReason: 'x' }]));
		expect(p.map((x) => x.event)).toEqual([0]);
		expect(p[0].message).toContain('请记为"异议成立"');
	});
	it('refuses 异议成立 after recognition (that is a revocation with a public reason)', () => {
		const p = lifecycleProblems(
			noticed2026([
				{ date: '2026-12-01', event: 'objection' },
				{ date: '2026-12-05', event: 'objection-upheld' },
			]),
		);
		expect(p.map((x) => x.event)).toEqual([1]);
		expect(p[0].message).toContain('请记为"撤销"');
	});
	it('refuses anything after the end', () => {
		const p = lifecycleProblems(
			noticed2026([
				{ date: '2026-12-01', event: 'revoked', publicReason: 'x' },
				{ date: '2026-12-05', event: 'objection' },
			]),
		);
		expect(p.map((x) => [x.event, x.message])).toEqual([
			[1, '候选人已于 2026-12-01 被撤销认定，之后不应再有记录'],
		]);
	});
	it('names 未予认定 when something follows an upheld objection', () => {
		expect(
			messages([
				{ date: '2026-11-20', event: 'objection' },
				{ date: '2026-11-25', event: 'objection-upheld' },
				{ date: '2026-12-01', event: 'objection' },
			]),
		).toEqual([[2, '候选人已于 2026-11-25 未予认定，之后不应再有记录']]);
	});
	it('checks complaints against a recognised exemplar: each conclusion needs a complaint before it', () => {
		// Recognised on 2026-11-27; a complaint on 12-01 concluded unfounded on 12-05 leaves the exemplar recognised.
		const checked: Events = [
			{ date: '2026-12-01', event: 'objection' },
			{ date: '2026-12-05', event: 'objection-rejected' },
		];
		expect(messages(checked)).toEqual([]);
		expect(deriveLifecycle(noticed2026(checked), '2026-12-31')).toMatchObject({
			stage: 'recognized',
			recognizedOn: '2026-11-27',
		});
		// A second conclusion has no complaint left to conclude.
		expect(messages([...checked, { date: '2026-12-09', event: 'objection-rejected' }])).toEqual([
			[2, '此前没有尚未核实的投诉或异议，不能记录核实结论'],
		]);
		expect(messages([{ date: '2026-12-09', event: 'objection-rejected' }])).toEqual([
			[0, '此前没有尚未核实的投诉或异议，不能记录核实结论'],
		]);
	});
	it('reads events in date order whatever their order in the file, those of one day in file order', () => {
		const objection = { date: '2026-11-20', event: 'objection' as const };
		const rejected = { date: '2026-11-24', event: 'objection-rejected' as const };
		// Out of date order in the file: still an objection concluded within the 公示.
		expect(messages([rejected, objection])).toEqual([]);
		expect(deriveLifecycle(noticed2026([rejected, objection]), '2026-11-27').stage).toBe('recognized');
		// The same day: the conclusion written above its objection has nothing to conclude.
		const sameDay = { ...rejected, date: '2026-11-20' };
		expect(messages([objection, sameDay])).toEqual([]);
		expect(messages([sameDay, objection])).toEqual([
			[0, '此前没有尚未核实的异议，不能记录核实结论；请先记录"异议"'],
		]);
		const third = { date: '2026-11-23', event: 'objection' as const };
		const fourth = { date: '2026-11-25', event: 'objection-rejected' as const };
		expect(messages([fourth, sameDay, third, objection])).toEqual([
			[1, '此前没有尚未核实的异议，不能记录核实结论；请先记录"异议"'],
		]);
	});
	it('has no lifecycle problems to report for a candidate without a notice', () => {
		const facts = {
			...noticed2026([{ date: '2026-11-20', event: 'objection-rejected' }]),
			notice: undefined,
		};
		expect(lifecycleProblems(facts)).toEqual([]);
	});
	it('is reported by the validator at the event row (data/exemplars/events.csv, column 事件)', () => {
		const issues = validateDataset(
			fixture({
				'exemplars/events.csv': '候选人编号,日期,事件,公开说明,内部说明\nc1,2023-01-10,异议不成立,,\n',
			}),
			'data/',
		).issues;
		expect(issues.map((i) => `${i.file}:${i.line}:${i.column} ${i.code}`)).toEqual([
			'data/exemplars/events.csv:2:3 lifecycle-order',
		]);
	});
});
