/**
 * The office's holiday override (`calendar/<YYYY>.csv`) for years the `chinese-days` package does not know yet:
 * the State Council's schedule typed in from its notice (国务院办公厅关于<年>部分节假日安排的通知). The file's
 * existence declares the year known; every rest day that falls on a weekday and every 调休 working weekend is listed.
 */
import type { z } from 'astro/zod';
import { col, date, oneOf, recordSchema, text, type TableDef } from './table.ts';

const calendarColumns = [
	col('date', '日期', date(), { doc: '日期，须在文件名的年份内', example: '2027-10-01' }),
	col(
		'type',
		'类型',
		oneOf([
			{ value: 'holiday', label: '休息', aliases: ['休', '放假', '节假日'] },
			{ value: 'workday', label: '上班', aliases: ['班', '调休上班', '补班'] },
		] as const),
		{ doc: '休息（法定节假日，含落在周末的）或上班（调休上班的周末）', example: '休息' },
	),
	col('name', '名称', text({ max: 20 }), { doc: '节日名称', example: '国庆节' }),
] as const;

/** `calendar/<YYYY>.csv`. */
export const calendarTable: TableDef = {
	name: 'calendar',
	title: '节假日补充',
	path: 'calendar/*.csv',
	doc: '每年一个文件（如 2027.csv），仅用于 chinese-days 尚未收录的年份',
	columns: calendarColumns,
	primaryKey: ['date'],
};
export const calendarSchema = recordSchema(calendarColumns);
export type CalendarRow = z.infer<typeof calendarSchema>;
