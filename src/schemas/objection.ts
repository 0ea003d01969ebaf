/**
 * Objections (异议处理情况, `objections.csv`): each objection to a published result, 失信 record or 政务诚信典型
 * candidate, when it was received and concluded, and how it ended — published with its working-day clock against the
 * rule that the provider of the information reports its check within 10 working days (seed 004 九).
 *
 * Nothing personal, by construction: who objected, their contact and what they wrote are not columns, and a file with
 * any other column is refused (`unknown-column`). Every cell is a code, an id, a date or an option, so there is no
 * free text to type a name or a number into.
 * @see src/docs/rules/004-dishonesty.md 九「认为披露的失信记录有差错的……提出异议申请，该失信信息提供主体应当于10个工作日内将核查情况反馈」
 */
import type { z } from 'astro/zod';
import { OBJECTION_OUTCOMES, OBJECTION_TARGETS } from './enums.ts';
import { code, col, date, identifier, oneOf, recordSchema, type TableDef } from './table.ts';

const objectionColumns = [
	col('id', '异议编号', identifier(), {
		doc: '区信用办登记的异议编号（公开，不含异议人的任何信息）',
		example: 'YY-2022-01',
	}),
	col('target', '异议对象', oneOf(OBJECTION_TARGETS), {
		doc: '评价结果、失信记录或诚信典型',
		example: '评价结果',
	}),
	col('recordId', '记录编号', identifier(), {
		doc: '评价结果写单位编号，失信记录写记录编号，诚信典型写人选编号',
		example: 'cgj',
	}),
	col('period', '期别', code({ max: 10, format: '季度（如 2022-Q3）或年度（如 2023）' }), {
		required: false,
		doc: '评价结果必填季度（如 2022-Q3）；诚信典型可填评选年度；失信记录不填',
		example: '2022-Q3',
	}),
	col('receivedOn', '收到日期', date(), { doc: '区信用办收到异议的日期', example: '2022-11-10' }),
	col('concludedOn', '办结日期', date(), {
		required: false,
		doc: '核查情况反馈的日期；空表示尚在核查',
		example: '2022-11-24',
	}),
	col('outcome', '结果', oneOf(OBJECTION_OUTCOMES), {
		required: false,
		doc: '维持（原信息不变）或更正；填写办结日期时必填',
		example: '更正',
	}),
	col('correctionId', '更正编号', identifier(), {
		required: false,
		doc: '结果为“更正”时必填：releases/corrections.csv 中那次更正的编号',
		example: 'GZ-2022-01',
	}),
] as const;

/** `objections.csv`. */
export const objectionTable: TableDef = {
	name: 'objections',
	title: '异议处理情况',
	path: 'objections.csv',
	doc: '每行一件异议：对象、收到和办结日期、结果（维持或更正）；不记录异议人的任何信息',
	columns: objectionColumns,
	primaryKey: ['id'],
};
export const objectionSchema = recordSchema(objectionColumns);
export type ObjectionRow = z.infer<typeof objectionSchema>;
