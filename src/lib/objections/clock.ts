/**
 * The working-day clock of an objection (异议): the provider of the information must report its check within 10
 * working days (seed 004 九). Working days are the State Council's schedule with 调休 (`src/lib/calendar/workdays.ts`:
 * chinese-days plus the office's `calendar/<年>.csv`).
 *
 * How we count: the day the objection is received is not one of the ten — a period counted in days starts on the
 * next day (民法典 第二百零一条「按照年、月、日计算期间的，开始的当日不计入，自下一日开始计算」) — so the deadline
 * is the 10th working day after the day of receipt, and a check reported on that day is on time. (The 7-working-day
 * 公示 is different: seed 000 makes its first day day 1.)
 * @see src/docs/rules/004-dishonesty.md 九「该失信信息提供主体应当于10个工作日内将核查情况反馈至被申请人」
 */
import { addDays, isUnknownCalendarYear, type WorkCalendar } from '../calendar/workdays.ts';

/** Working days the check may take (seed 004 九). */
export const OBJECTION_WORKDAYS = 10;

/** The last day of the check: the 10th working day after the day of receipt. Throws for an unknown year. */
export function objectionDeadline(calendar: WorkCalendar, receivedOn: string): string {
	return calendar.nthWorkday(addDays(receivedOn, 1), OBJECTION_WORKDAYS);
}

/** The working days after `from` up to and including `to` (0 when `to` is not after `from`). Throws for an unknown year. */
export function workdaysAfter(calendar: WorkCalendar, from: string, to: string): number {
	let n = 0;
	for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (calendar.isWorkday(d)) n++;
	return n;
}

/** Where an objection stands on the as-of date. */
export type ClockState = 'on-time' | 'late' | 'open' | 'overdue';

/** An objection's clock. */
export interface ObjectionClock {
	/** The 10th working day after receipt. */
	deadline: string;
	/** Concluded on or before the as-of date: on time or late; otherwise still open, within the time or past it. */
	state: ClockState;
	/**
	 * Working days from receipt to the conclusion (concluded) or to the as-of date (open); undefined when that reaches a
	 * year no calendar knows yet (the deadline itself is always known: the validator refuses an objection whose
	 * deadline falls in an unknown year).
	 */
	elapsed?: number;
	/** Working days past the deadline (late or overdue), when known. */
	over?: number;
}

/**
 * The clock of an objection on the as-of date. A conclusion dated after the as-of date has not happened yet on the
 * site: the objection is still open.
 */
export function objectionClock(
	calendar: WorkCalendar,
	o: { receivedOn: string; concludedOn?: string },
	asOf: string,
): ObjectionClock {
	const deadline = objectionDeadline(calendar, o.receivedOn);
	const concluded = o.concludedOn !== undefined && o.concludedOn <= asOf;
	const end = concluded ? o.concludedOn! : asOf;
	const past = end > deadline;
	const state: ClockState = concluded ? (past ? 'late' : 'on-time') : past ? 'overdue' : 'open';
	const clock: ObjectionClock = { deadline, state };
	try {
		clock.elapsed = workdaysAfter(calendar, o.receivedOn, end);
		if (past) clock.over = clock.elapsed - OBJECTION_WORKDAYS;
	} catch (e) {
		if (!isUnknownCalendarYear(e)) throw e;
	}
	return clock;
}
