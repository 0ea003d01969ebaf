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
			if (Number(r.value.date.slice(0, 4)) !== year) {
				ctx.at(r, 'date', 'out-of-period', `日期 ${r.value.date} 不在文件名所示的 ${year} 年内`);
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
