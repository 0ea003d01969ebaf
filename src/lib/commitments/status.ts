/**
 * Where a public commitment stands on the build's as-of date, and how it got there (政务诚信公开承诺, SPEC 3).
 * Pure: rows in, a view out. The status rule is the scoring module's `commitmentStatusOn`, so the site and the
 * 政务诚信承诺 indicator can never disagree about a commitment's status.
 *
 * Rules:
 * - A commitment made after the as-of date has not been made yet for this build: it is published from its date
 *   (`commitmentViews` leaves it out; so does `pledgesOn` for an enterprise pledge signed after it).
 * - A commitment's status is the latest update on or before the as-of date (履行中 before any update); updates dated
 *   after the as-of date have not happened yet for this build and are left out of the status and of the history.
 * - 逾期 (overdue) is derived, never typed: status 履行中 and a due date before the as-of date. The due date is
 *   the commitment's last day, so a commitment due on the as-of date is not yet overdue; the day after, it is.
 *   @see src/docs/rules/001-commitments.md 二(五) "未兑现承诺……“新官不理旧账”" — exposing these is the point of the register.
 * - 未兑现 closes the commitment as broken: it is reported as broken, not as overdue.
 * - 依法变更 closes the original promise by a lawful change (seeds/004 第 8 条 "因国家利益、公共利益或其他法定事由需要
 *   改变政府承诺……要严格依照法定权限和程序进行"): its original due date no longer binds, so it is never overdue. The
 *   data has no "new due date" column: when a change sets a new deadline, the office publishes the changed promise as
 *   a new commitment (its note naming the old one), and that row's own due date is tracked. If the office instead
 *   records 履行中 again after a 依法变更, the commitment is open again and its original due date applies again.
 * - The history follows the commitment, not the people: it is keyed by the commitment's id and the unit's stable id,
 *   so a change of leadership or of the unit's name (unit-names.csv) changes nothing but the name shown.
 */
import type { CommitmentRow, CommitmentUpdateRow } from '../../schemas/commitment.ts';
import type { CommitmentStatus } from '../../schemas/enums.ts';
import type { PledgeRow } from '../../schemas/pledge.ts';
import type { UnitNameRow } from '../../schemas/unit.ts';
import { commitmentStatusOn } from '../scoring/score.ts';
import { nameOn } from '../units/names.ts';
import { addDays } from '../calendar/workdays.ts';

/**
 * What the public sees: the four statuses, with 履行中 split into 履行中 (not yet due) and 逾期 (past due). The five
 * states are disjoint, so they can be counted and filtered without double counting.
 */
export type CommitmentState = CommitmentStatus | 'overdue';

/** Display order: what needs attention first (逾期), then open, then closed ones. */
export const STATE_ORDER: readonly CommitmentState[] = [
	'overdue',
	'in-progress',
	'broken',
	'changed',
	'fulfilled',
];

/**
 * Whether a commitment is overdue on a date: still 履行中 and its due date already past.
 * @param status the status on `asOf`
 * @param dueBy the last day to keep the promise (YYYY-MM-DD)
 * @param asOf the build's as-of date (YYYY-MM-DD)
 */
export function isOverdue(status: CommitmentStatus, dueBy: string, asOf: string): boolean {
	return status === 'in-progress' && dueBy < asOf;
}

/** One dated step of a commitment's history. */
export interface HistoryStep {
	date: string;
	/** `made`: the commitment was published; `overdue`: derived, the first day past the due date while still open. */
	kind: CommitmentStatus | 'made' | 'overdue';
	/** The evidence or legal reason recorded with an update. */
	evidence?: string;
	/** The unit's name on that date (differs from today's name after a rename). */
	unitName: string;
}

/** A commitment as published: its row, its status on the as-of date and its dated history. */
export interface CommitmentView extends CommitmentRow {
	/** The unit's name on the as-of date. */
	unitName: string;
	/** The unit's name when the commitment was made (differs from `unitName` after a rename). */
	madeUnder: string;
	status: CommitmentStatus;
	overdue: boolean;
	state: CommitmentState;
	/** The date the current status took effect (the first of the latest run of equal statuses); none before any update. */
	statusSince?: string;
	/** The evidence recorded with the latest update. */
	statusEvidence?: string;
	/** The date it was fulfilled, when the status is 已兑现. */
	fulfilledOn?: string;
	/** The first day it was overdue, when overdue. */
	overdueSince?: string;
	/** Days past the due date on the as-of date, when overdue (1 on the day after the due date). */
	overdueDays?: number;
	/** Fulfilled after its deadline: by how many days. */
	lateDays?: number;
	/** Oldest first: made, each update, and the derived overdue step. */
	history: HistoryStep[];
}

/** Updates on or before a date, oldest first; updates on the same day keep their order in the file. */
export function effectiveUpdates<U extends Pick<CommitmentUpdateRow, 'date'>>(
	updates: readonly U[],
	asOf: string,
): U[] {
	// Array.prototype.sort is stable: updates of the same day keep their order in the file.
	return updates
		.filter((u) => u.date <= asOf)
		.sort((a, b) =>
			// Stryker disable next-line ConditionalExpression,EqualityOperator: V8's sort asks only whether the result is below 0, so the 1 or 0 after -1 is the same answer.
			a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
		);
}

/** Whole days from one date to a later one (YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
	const utc = (d: string) =>
		Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
	return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/**
 * A commitment's view on the as-of date.
 * @param c the commitment row
 * @param updates its rows of updates.csv, in file order (same-day updates: the later row wins, as in scoring)
 * @param asOf the build's as-of date
 * @param names the unit name history (unit-names.csv)
 */
export function commitmentView(
	c: CommitmentRow,
	updates: readonly CommitmentUpdateRow[],
	asOf: string,
	names: readonly UnitNameRow[],
): CommitmentView {
	const own = updates.filter((u) => u.commitmentId === c.id);
	const status = commitmentStatusOn(own, asOf);
	const steps = effectiveUpdates(own, asOf);
	let statusSince: string | undefined;
	for (let i = steps.length - 1; i >= 0 && steps[i].status === status; i--) statusSince = steps[i].date;
	const overdue = isOverdue(status, c.dueBy, asOf);
	const overdueSince = overdue ? addDays(c.dueBy, 1) : undefined;
	// Overdue once, even if kept or closed since: still 履行中 at the end of its last day. The history keeps that step,
	// so a promise kept late never reads as one kept on time ("新官不理旧账" is what the register exposes).
	const dayAfter = addDays(c.dueBy, 1);
	const wasOverdue = overdue || (dayAfter <= asOf && commitmentStatusOn(own, c.dueBy) === 'in-progress');
	const name = (date: string) => nameOn(names, c.unitId, date);
	const history: HistoryStep[] = [
		{ date: c.madeOn, kind: 'made', unitName: name(c.madeOn) },
		...steps.map((u) => ({
			date: u.date,
			kind: u.status,
			...(u.evidence ? { evidence: u.evidence } : {}),
			unitName: name(u.date),
		})),
	];
	if (wasOverdue) {
		// After every update made on or before that day (an update recorded on the day it fell due, or a 履行中 noted on
		// the first overdue day, sits before it), but before one that closed it on that first day: kept one day late.
		// (The promise itself was made on or before its deadline: the validator refuses it otherwise.)
		const at = history.findIndex(
			(h) => h.date > dayAfter || (h.date === dayAfter && h.kind !== 'in-progress'),
		);
		// Stryker disable next-line EqualityOperator: at is 0 only for a commitment made after its due date, which the validator rejects (date-order).
		history.splice(at < 0 ? history.length : at, 0, {
			date: dayAfter,
			kind: 'overdue',
			unitName: name(dayAfter),
		});
	}
	const last = steps[steps.length - 1];
	const fulfilledOn = status === 'fulfilled' ? statusSince : undefined;
	return {
		...c,
		unitName: name(asOf),
		madeUnder: name(c.madeOn),
		status,
		overdue,
		state: overdue ? 'overdue' : status,
		...(statusSince ? { statusSince } : {}),
		...(last?.evidence ? { statusEvidence: last.evidence } : {}),
		...(fulfilledOn ? { fulfilledOn } : {}),
		...(fulfilledOn && fulfilledOn > c.dueBy ? { lateDays: daysBetween(c.dueBy, fulfilledOn) } : {}),
		...(overdueSince ? { overdueSince, overdueDays: daysBetween(c.dueBy, asOf) } : {}),
		history,
	};
}

/**
 * Views of every commitment, in the order given: {@link commitmentView} of each.
 */
export function commitmentViews(
	commitments: readonly CommitmentRow[],
	updates: readonly CommitmentUpdateRow[],
	asOf: string,
	names: readonly UnitNameRow[],
): CommitmentView[] {
	const byId = new Map<string, CommitmentUpdateRow[]>();
	for (const u of updates) {
		const list = byId.get(u.commitmentId);
		if (list) list.push(u);
		else byId.set(u.commitmentId, [u]);
	}
	const made = commitments.filter((c) => c.madeOn <= asOf);
	// Stryker disable next-line ArrayDeclaration: commitmentView keeps only the updates of its own commitment, so any list without them reads as [].
	return made.map((c) => commitmentView(c, byId.get(c.id) ?? [], asOf, names));
}

/** The enterprise pledges public on the as-of date: those signed on or before it; a later one is published on its date. */
export function pledgesOn<T extends Pick<PledgeRow, 'signedOn'>>(pledges: readonly T[], asOf: string): T[] {
	return pledges.filter((p) => p.signedOn <= asOf);
}

/** How many commitments are in each state. */
export function countStates(
	views: readonly Pick<CommitmentView, 'state'>[],
): Record<CommitmentState, number> {
	const counts = Object.fromEntries(STATE_ORDER.map((s) => [s, 0])) as Record<CommitmentState, number>;
	for (const v of views) counts[v.state]++;
	return counts;
}
