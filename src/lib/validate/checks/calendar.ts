/** `calendar/<年>.csv`: the office's holiday and working-day overrides, one file per year. */
import { packageYears, WorkCalendar, type CalendarOverride } from '../../calendar/workdays.ts';
import { calendarTable, type CalendarRow } from '../../../schemas/calendar.ts';
import type { CheckContext } from '../context.ts';

/**
 * The working-day calendar: chinese-days' schedule, with each year that has an override file replaced by it. A file
 * whose name is not a year is not read; a date outside the file's year is an error and not used.
 */
export function checkCalendar(ctx: CheckContext): WorkCalendar {
	const overrides = new Map<number, CalendarOverride[]>();
	for (const name of ctx.files.list('calendar')) {
		const rel = `calendar/${name}`;
		const m = name.match(/^(\d{4})\.csv$/);
		if (!m) {
			ctx.error(ctx.path(rel), 1, 1, 'file-name', `节假日补充文件应按年份命名，如 2027.csv`);
			continue;
		}
		const year = Number(m[1]);
		// Stryker disable next-line BooleanLiteral: the file was just listed, so it is there: required or not, it is read.
		const file = ctx.table<CalendarRow>(calendarTable, rel, true);
		const rows = ctx.unique(file.records, ['date'], '日期');
		// Stryker disable next-line ArrayDeclaration: a stray string among the entries has no date, so it marks no day.
		const entries: CalendarOverride[] = [];
		for (const r of rows) {
			const day = new Date(`${r.value.date}T00:00:00Z`).getUTCDay();
			if (Number(r.value.date.slice(0, 4)) !== year) {
				ctx.at(
					r,
					'date',
					'out-of-period',
					`日期 ${r.value.date} 不在文件名所示的 ${year} 年内${whereItGoes(r.value)}`,
				);
				ctx.markInvalid(r);
			} else if (r.value.type === 'workday' && day !== 0 && day !== 6) {
				// A weekday is a working day anyway: a 调休 working day typed on one is the weekend day next to it mistyped,
				// and that weekend day would be counted as a rest day.
				ctx.at(
					r,
					'date',
					'calendar-weekday-workday',
					`${r.value.date} 是星期${'日一二三四五六'[day]}，本来就是工作日：调休上班的日子只会是星期六或星期日，请按国务院办公厅的通知核对日期`,
				);
				ctx.markInvalid(r);
			} else entries.push({ date: r.value.date, type: r.value.type });
		}
		// A year's schedule always has rest days (元旦, 春节, …): a file without one, such as the empty template the
		// calendar-unknown message points to, is not a schedule. Counting its year in weekdays would be a guess. A file
		// whose rows were refused has their errors to say why instead: it may list rest days the office will see once
		// the rows are put right.
		if (!entries.some((e) => e.type === 'holiday')) {
			if (file.rowsIn === entries.length)
				ctx.error(
					ctx.path(rel),
					1,
					1,
					'calendar-no-holidays',
					`${year} 年的节假日补充文件没有列出任何休息日，不能用来计算工作日。请按国务院办公厅公布的 ${year} 年节假日安排，逐日填写放假的日期（类型“休息”，落在周末的也写）和调休上班的周末（类型“上班”）`,
				);
			continue;
		}
		// A file that leaves out statutory holidays counts them as working days. A warning, not an error: the file is
		// the office's word for its year (the State Council may move a holiday; a test or a preview may list only the
		// days it is about), and the office sees what is missing before it publishes.
		const law = statutoryHolidays(year);
		const gaps = statutoryGaps(law, entries);
		if (gaps.length)
			ctx.warn(
				ctx.path(rel),
				1,
				1,
				'calendar-incomplete',
				`${year} 年的节假日补充文件可能不完整：${gaps.join('；')}。按《全国年节及纪念日放假办法》，每年法定放假 ${law.days} 天（${law.said}），没有列出的日子按工作日计算期限。请按国务院办公厅公布的 ${year} 年节假日安排逐日补齐放假的日期（类型“休息”，落在周末的也写）`,
			);
		if (packageYears().has(year))
			ctx.warn(
				ctx.path(rel),
				1,
				1,
				'calendar-replaces',
				`chinese-days 已有 ${year} 年的节假日安排，这个文件将整年替换它（文件中 ${entries.length} 天）。只有国务院调整了当年的安排时才需要这个文件；否则请删除它`,
			);
		overrides.set(year, entries);
	}
	return new WorkCalendar(overrides);
}

/** A year's statutory holidays, as `statutoryHolidays` gives them. */
interface Statutory {
	days: number;
	fixed: string[];
	springDays: number;
	said: string;
}

/**
 * The statutory holidays of 《全国年节及纪念日放假办法》 every year's schedule holds: their number of days, the dates
 * fixed in the solar calendar, the days of 春节, and how to say them. From 2025 (国务院令第 795 号, 2024 revision) 13
 * days, with 5 月 2 日 and 除夕 added; before, 11.
 */
function statutoryHolidays(year: number): Statutory {
	return year >= 2025
		? {
				days: 13,
				fixed: ['01-01', '05-01', '05-02', '10-01', '10-02', '10-03'],
				springDays: 4,
				said: '元旦 1 月 1 日，春节 4 天，清明节、端午节、中秋节各 1 天，劳动节 5 月 1 日、2 日，国庆节 10 月 1 日至 3 日',
			}
		: {
				days: 11,
				fixed: ['01-01', '05-01', '10-01', '10-02', '10-03'],
				springDays: 3,
				said: '元旦 1 月 1 日，春节 3 天，清明节、端午节、中秋节各 1 天，劳动节 5 月 1 日，国庆节 10 月 1 日至 3 日',
			};
}

/**
 * What an override file lacks of the statutory holidays (none when it has them all): a date fixed by the law not listed
 * as a rest day, fewer rest days between 1 月 20 日 and 2 月 22 日 than 春节 has (its days fall there in every year), or
 * fewer rest days than the law gives. A file that lists only 元旦 would otherwise count 春节 and 国庆 as working days:
 * the guess an unknown year is refused to avoid.
 */
function statutoryGaps(law: Statutory, entries: readonly CalendarOverride[]): string[] {
	const rest = new Set(entries.filter((e) => e.type === 'holiday').map((e) => e.date.slice(5)));
	const gaps: string[] = [];
	const missing = law.fixed.filter((d) => !rest.has(d));
	if (missing.length)
		gaps.push(
			`没有列出法定节假日 ${missing.map((d) => `${Number(d.slice(0, 2))} 月 ${Number(d.slice(3))} 日`).join('、')}`,
		);
	const spring = [...rest].filter((d) => d >= '01-20' && d <= '02-22').length;
	if (spring < law.springDays)
		gaps.push(`1 月 20 日至 2 月 22 日之间只列出 ${spring} 天休息日，春节至少放假 ${law.springDays} 天`);
	if (rest.size < law.days) gaps.push(`共列出 ${rest.size} 天休息日，少于法定的 ${law.days} 天`);
	return gaps;
}

/**
 * What to do with a row dated outside its file's year (a State Council notice lists the days around 元旦 of the year
 * before): a year the package knows needs no row, and a file for it would replace its whole schedule (a file of one
 * row counted every other holiday of that year as a working day); a year it does not know has a file of its own.
 */
function whereItGoes(row: CalendarRow): string {
	const y = row.date.slice(0, 4);
	if (!packageYears().has(Number(y))) return `；请把这一行移到 calendar/${y}.csv`;
	const same = new WorkCalendar().isWorkday(row.date) === (row.type === 'workday');
	return same
		? `；程序内置的 ${y} 年节假日安排（chinese-days）已有这一天（${row.type === 'workday' ? '上班' : '休息'}），请删除这一行`
		: `；${y} 年的节假日安排由程序内置（chinese-days），不能在这里补充，也不要为它另建 calendar/${y}.csv（那会替换整年的安排）；内置的安排与国务院办公厅的通知不符时，请告诉网站维护人员`;
}
