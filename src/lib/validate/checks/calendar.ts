/** `calendar/<年>.csv`: the office's holiday and working-day overrides, one file per year. */
import { WorkCalendar, type CalendarOverride } from '../../calendar/workdays.ts';
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
		const rows = ctx.unique(ctx.table<CalendarRow>(calendarTable, rel, true).records, ['date'], '日期');
		// Stryker disable next-line ArrayDeclaration: a stray string among the entries has no date, so it marks no day.
		const entries: CalendarOverride[] = [];
		for (const r of rows) {
			if (Number(r.value.date.slice(0, 4)) !== year) {
				ctx.at(r, 'date', 'out-of-period', `日期 ${r.value.date} 不在文件名所示的 ${year} 年内`);
				ctx.markInvalid(r);
			} else entries.push({ date: r.value.date, type: r.value.type });
		}
		overrides.set(year, entries);
	}
	return new WorkCalendar(overrides);
}
