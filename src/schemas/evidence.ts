/**
 * Quarterly evaluation evidence (`evidence/<YYYY-Qn>.csv`): one row per fact the office recorded for a unit and an
 * indicator — an item done, an event held, a verified incident, an assessor's judgement (seed 002 三(三) 评价方法).
 */
import type { z } from 'astro/zod';
import {
	code,
	col,
	date,
	decimal,
	identifier,
	integer,
	oneOf,
	recordSchema,
	text,
	type TableDef,
} from './table.ts';

/**
 * What an evidence row records; blank means the indicator's own kind (done → 完成, perItem → 事项, judged → 评分).
 * 无 says there was nothing to report for the unit and indicator this quarter: it scores nothing (points carried over
 * from earlier quarters still count), and it is how a released quarter shows that no cell was forgotten.
 */
export const EVIDENCE_KINDS = [
	{ value: 'done', label: '完成' },
	{ value: 'item', label: '事项' },
	{ value: 'incident', label: '扣分', aliases: ['核实扣分'] },
	{ value: 'judged', label: '评分' },
	{ value: 'none', label: '无', aliases: ['无事项', '本季度无', '未完成'] },
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number]['value'];

const evidenceColumns = [
	col('id', '记录编号', identifier(), {
		doc: '每条记录的固定编号，全部季度内不重复（用于异议和引用）',
		example: '2023Q4-0001',
	}),
	col('unitId', '单位编号', identifier(), { doc: '被评价单位，对应 units.csv', example: 'fgw' }),
	col('indicatorId', '指标编号', code({ max: 20, format: '指标编号，如 3.6' }), {
		doc: '该年度评价指标编号，对应 rubrics/<年>.json',
		example: '3.6',
	}),
	col('kind', '类型', oneOf(EVIDENCE_KINDS), {
		required: false,
		doc: '完成、事项、扣分、评分，或“无”（本季度没有可报的事实）；空表示按指标的计分方式（扣分必须写明）',
		example: '事项',
	}),
	col('date', '日期', date(), {
		required: false,
		doc: '事实发生或认定的日期，须在本季度内；空白预填行可空',
		example: '2023-11-08',
	}),
	col('count', '数量', integer({ min: 0, max: 10000 }), {
		required: false,
		doc: '事项或扣分的件数；空表示 1',
		example: '1',
	}),
	col('points', '得分', decimal({ min: -1000, max: 1000, places: 2 }), {
		required: false,
		doc: '评分类指标的得分，须在 0 到该指标满分之间，最多两位小数（其他类型留空）',
		example: '',
	}),
	col('what', '事项', text({ max: 300 }), {
		public: true,
		required: false,
		doc: '做了什么或发生了什么（公开）；空白预填行可空',
		example: '诚信进校园宣传活动（淮城中学）',
	}),
	col('source', '来源', text({ max: 60 }), {
		public: true,
		required: false,
		doc: '数据来源 / 考核主体，如 信用办、法院、纪委、网信办（公开）',
		example: '信用办',
	}),
	col('reason', '理由', text({ max: 500 }), {
		public: true,
		required: false,
		doc: '评分类指标必填：评分理由（公开）',
		example: '',
	}),
	// Not published itself: it only says which rows stop being published in detail once their record is repaired.
	col('dishonestyId', '失信记录编号', identifier(), {
		required: false,
		doc: '扣分记录对应的失信记录（dishonesty.csv 的记录编号）；该记录信用修复后，这一行的事项、来源和理由不再公示。没有这类扣分的文件可以不要这一列',
		example: '',
		omittable: true,
	}),
] as const;

/** `evidence/<YYYY-Qn>.csv`. */
export const evidenceTable: TableDef = {
	name: 'evidence',
	title: '季度评价记录',
	path: 'evidence/*.csv',
	doc: '每个季度一个文件（文件名如 2023-Q4.csv），每行是某单位某项指标的一条事实记录',
	columns: evidenceColumns,
	primaryKey: ['id'],
};
export const evidenceSchema = recordSchema(evidenceColumns);
export type EvidenceRow = z.infer<typeof evidenceSchema>;
