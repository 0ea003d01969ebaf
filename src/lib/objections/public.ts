/**
 * What the site publishes about objections (异议处理情况): each objection's target, dates, outcome and its
 * working-day clock against the 10-working-day rule of seed 004 九 — and nothing about who objected, which no input
 * column holds (`src/schemas/objection.ts`). An objection is published once it has been received (on or before the
 * as-of date) and only when what it is about is public: a 失信 record by its public id (an opaque one once repaired,
 * `src/lib/dishonesty/public.ts`), a candidate only from their 公示 on.
 * @see src/docs/rules/004-dishonesty.md 九
 */
import type { ObjectionRow } from '../../schemas/objection.ts';
import type { ObjectionOutcome, ObjectionTarget } from '../../schemas/enums.ts';
import type { WorkCalendar } from '../calendar/workdays.ts';
import { objectionClock, type ClockState } from './clock.ts';

/** The clock states in Chinese, in the order a reader scans for trouble. */
export const CLOCK_STATES = [
	{ value: 'overdue', label: '逾期未办结' },
	{ value: 'late', label: '逾期办结' },
	{ value: 'open', label: '核查中' },
	{ value: 'on-time', label: '按期办结' },
] as const satisfies readonly { value: ClockState; label: string }[];

/** Whether a state is past the 10 working days. */
export const isOverdue = (s: ClockState) => s === 'overdue' || s === 'late';

/**
 * How far past its deadline an objection is, as the register says it after its state: `（超过 2 个工作日）`; for one
 * concluded on a rest day right after the deadline (no working day past it: 用时 10 个工作日, yet after the deadline's
 * date) `（期限后的休息日办结）`, which the bare 逾期办结 beside 10 working days left a reader to puzzle out; nothing
 * within the time, or when the count is not known.
 */
export function overText(o: Pick<PublicObjection, 'state' | 'over'>): string {
	if (!isOverdue(o.state) || o.over === null) return '';
	if (o.over > 0) return `（超过 ${o.over} 个工作日）`;
	return o.state === 'late' ? '（期限后的休息日办结）' : '（期限后的休息日）';
}

/** An objection as published (`/objections/`, `/data/objections.*`). */
export interface PublicObjection {
	id: string;
	target: ObjectionTarget;
	/** The unit id (grade), the public record id (record) or the candidate id (exemplar). */
	recordId: string;
	period: string | null;
	receivedOn: string;
	deadline: string;
	/** Null while the check is open on the as-of date. */
	concludedOn: string | null;
	outcome: ObjectionOutcome | null;
	correctionId: string | null;
	/** Working days from receipt to the conclusion or the as-of date; null when a year's schedule is not known yet. */
	workdays: number | null;
	state: ClockState;
	/** Working days past the deadline, when past it and known. */
	over: number | null;
}

/** The open-data field order of `/data/objections.*`. */
export const OBJECTION_FIELDS = [
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
] as const;

/** Why an objection row is not on the site on the as-of date, or undefined when it is. */
export function objectionWithheld(
	o: ObjectionRow,
	asOf: string,
	publicCandidates: ReadonlySet<string>,
): string | undefined {
	if (o.receivedOn > asOf) return '收到日期晚于截至日期：到那一天才公开';
	if (o.target === 'exemplar' && !publicCandidates.has(o.recordId))
		return '异议针对的诚信典型人选尚未公示或不公开：人选公开后才公开';
	return undefined;
}

/**
 * The objections as published on the as-of date, newest first (by date received, then id).
 * @param publicRecordId a 失信 record's public id
 * @param publicCandidates the candidates public on the as-of date
 */
export function publishObjections(
	rows: readonly ObjectionRow[],
	calendar: WorkCalendar,
	asOf: string,
	publicRecordId: (id: string) => string,
	publicCandidates: ReadonlySet<string>,
): PublicObjection[] {
	return rows
		.filter((o) => objectionWithheld(o, asOf, publicCandidates) === undefined)
		.map((o) => {
			const clock = objectionClock(calendar, o, asOf);
			const concluded = clock.state === 'on-time' || clock.state === 'late';
			return {
				id: o.id,
				target: o.target,
				recordId: o.target === 'record' ? publicRecordId(o.recordId) : o.recordId,
				period: o.period ?? null,
				receivedOn: o.receivedOn,
				deadline: clock.deadline,
				concludedOn: concluded ? o.concludedOn! : null,
				outcome: concluded ? (o.outcome ?? null) : null,
				correctionId: concluded ? (o.correctionId ?? null) : null,
				workdays: clock.elapsed ?? null,
				state: clock.state,
				over: clock.over ?? null,
			};
		})
		.sort((a, b) =>
			a.receivedOn !== b.receivedOn ? (a.receivedOn < b.receivedOn ? 1 : -1) : a.id < b.id ? 1 : -1,
		);
}
