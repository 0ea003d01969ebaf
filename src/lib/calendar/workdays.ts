/**
 * Chinese working days for the 7-working-day 公示 of seed 000 第八条: weekends, statutory holidays and 调休 makeup
 * working days from the State Council's yearly schedule. Years come from the `chinese-days` package, plus the
 * office's override files (`calendar/<YYYY>.csv`) for years the package does not know yet. A date in a year neither
 * knows is an error, never a weekday-only guess.
 */
// The package's data file, not an internal module: its README publishes `dist/chinese-days.json` as the holiday data
// for anyone to use. The package's functions cannot serve here: they answer "weekday" for a year they do not know,
// and this module must tell a known year from an unknown one.
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

/** One override entry from `calendar/<YYYY>.csv`. */
export interface CalendarOverride {
	date: string;
	type: 'holiday' | 'workday';
}

/** Thrown when a date falls in a year no calendar covers. */
export class UnknownCalendarYearError extends Error {
	override readonly name = 'UnknownCalendarYearError';
	readonly year: number;
	constructor(year: number) {
		super(`${year} 年的节假日安排未知`);
		this.year = year;
	}
}

/**
 * Whether an error is an UnknownCalendarYearError, by its name rather than `instanceof` (of this class or of Error):
 * in the site build the calendar can come from another copy of this module than the pages' code (the content layer's,
 * not the bundle's), and `instanceof` took an open objection's working days into an unknown year for a crash: the
 * build as of 2027-01-25 stopped on /data/datapackage.json with "这是网站程序的问题".
 */
export function isUnknownCalendarYear(e: unknown): e is UnknownCalendarYearError {
	return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'UnknownCalendarYearError';
}

interface DayTable {
	holidays: Record<string, string>;
	workdays: Record<string, string>;
}

/** The years the `chinese-days` package has a schedule for (every year that has at least one holiday entry). */
export function packageYears(): Set<number> {
	const data = chineseDays as unknown as DayTable;
	return new Set(Object.keys(data.holidays).map((d) => Number(d.slice(0, 4))));
}

/** A working-day calendar over the package's years plus the office's override years. */
export class WorkCalendar {
	private readonly rest = new Set<string>();
	private readonly work = new Set<string>();
	readonly years: ReadonlySet<number>;
	/** Years that come from the office's override files. */
	readonly overrideYears: ReadonlySet<number>;

	/**
	 * @param overrides override entries per year; a year present here (even with no entries) is declared known and
	 *   replaces the package's schedule for that year.
	 */
	constructor(overrides: ReadonlyMap<number, readonly CalendarOverride[]> = new Map()) {
		const data = chineseDays as unknown as DayTable;
		const years = packageYears();
		for (const d of Object.keys(data.holidays)) if (!overrides.has(Number(d.slice(0, 4)))) this.rest.add(d);
		for (const d of Object.keys(data.workdays)) if (!overrides.has(Number(d.slice(0, 4)))) this.work.add(d);
		for (const [year, entries] of overrides) {
			years.add(year);
			for (const e of entries) (e.type === 'holiday' ? this.rest : this.work).add(e.date);
		}
		this.years = years;
		this.overrideYears = new Set(overrides.keys());
	}

	/** Whether the calendar knows the year's schedule. */
	knows(year: number): boolean {
		return this.years.has(year);
	}

	/** Whether `date` (YYYY-MM-DD) is a working day. Throws UnknownCalendarYearError for an unknown year. */
	isWorkday(date: string): boolean {
		const year = Number(date.slice(0, 4));
		if (!this.years.has(year)) throw new UnknownCalendarYearError(year);
		if (this.work.has(date)) return true;
		if (this.rest.has(date)) return false;
		const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
		return dow !== 0 && dow !== 6;
	}

	/**
	 * The date of the `n`-th working day counting from `start`: `start` itself is day 1 when it is a working day
	 * (SPEC 2: the notice's first day counts). Throws UnknownCalendarYearError if the count reaches an unknown year.
	 */
	nthWorkday(start: string, n: number): string {
		let d = start;
		let count = 0;
		for (;;) {
			if (this.isWorkday(d)) count++;
			if (count === n) return d;
			d = addDays(d, 1);
		}
	}
}

/** `date` plus `days` calendar days (UTC arithmetic on YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
	const t = new Date(`${date}T00:00:00Z`);
	t.setUTCDate(t.getUTCDate() + days);
	return t.toISOString().slice(0, 10);
}

/** 公示 lasts 7 working days (seed 000 第八条). */
export const NOTICE_WORKDAYS = 7;

/** The last day of a 公示 that starts on `start`: its 7th working day. */
export function noticeEnd(calendar: WorkCalendar, start: string): string {
	return calendar.nthWorkday(start, NOTICE_WORKDAYS);
}
