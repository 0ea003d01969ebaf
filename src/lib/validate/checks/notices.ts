/** `exemplars/notices.csv`: the 公示 of each year's exemplars, and the working day each one ends. */
import { noticeTable, type NoticeRow } from '../../../schemas/candidate.ts';
import { noticeEnd, isUnknownCalendarYear, type WorkCalendar } from '../../calendar/workdays.ts';
import type { Located } from '../read-table.ts';
import type { CheckContext } from '../context.ts';
import { suggester } from '../suggest.ts';

/** A notice with its derived last day (7th working day). */
export type Notice = NoticeRow & { end: string };

/** The notices, for the checks of the candidates and events that refer to them. */
export interface Notices {
	/** Valid notices, with their last day. */
	valid: Located<Notice>[];
	byId: Map<string, Located<Notice>>;
	/** Ids of every notice typed, valid or not: a reference to an invalid one is not reported again. */
	ids: Set<string>;
	/** The notice id closest to an unknown one (did you mean). */
	suggest: (id: string) => string | undefined;
}

/**
 * Reads notices.csv and works out each 公示's last day. A 公示 whose seven working days reach a year that neither
 * chinese-days nor data/calendar/ covers is rejected, naming the calendar file to fill in (公示 lasts 7 working days,
 * seed 000 第八条).
 */
export function checkNotices(ctx: CheckContext, calendar: WorkCalendar): Notices {
	const file = ctx.table<NoticeRow>(noticeTable, 'exemplars/notices.csv', true, { declare: ['id'] });
	const all = ctx.unique(file.records, ['id'], '公示编号');
	const valid: Located<Notice>[] = [];
	for (const n of all) {
		try {
			valid.push({ ...n, value: { ...n.value, end: noticeEnd(calendar, n.value.start) } });
		} catch (e) {
			// Stryker disable next-line ConditionalExpression: the working-day clock throws nothing else.
			if (!isUnknownCalendarYear(e)) throw e;
			ctx.at(
				n,
				'start',
				'calendar-unknown',
				`公示期（${n.value.start} 起 7 个工作日）涉及 ${e.year} 年，但 chinese-days 和 data/calendar/ 都没有 ${e.year} 年的节假日安排，无法计算工作日。请按国务院办公厅公布的 ${e.year} 年节假日安排填写 data/calendar/${e.year}.csv（模板见 data/templates/calendar.csv）`,
			);
			ctx.markInvalid(n);
		}
	}
	return {
		valid,
		byId: new Map(valid.map((n) => [n.value.id, n])),
		ids: file.declared('id'),
		suggest: suggester(all.map((n) => n.value.id)),
	};
}
