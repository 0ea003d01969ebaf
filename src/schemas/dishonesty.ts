/**
 * 失信 records of units (seed 002 三(二), seed 004 五 信用修复): what happened, how serious, who found it, and its
 * repair. A record weighs on a unit's grade from its quarter until the quarter of its repair (SPEC 1); from its repair
 * date on its details are no longer published (`src/lib/dishonesty/public.ts`).
 */
import type { z } from 'astro/zod';
import { DISHONESTY_KINDS, SEVERITIES } from './enums.ts';
import { col, date, identifier, oneOf, recordSchema, text, type TableDef } from './table.ts';

const dishonestyColumns = [
	col('id', '记录编号', identifier(), { doc: '失信记录的固定编号', example: 'SX-2023-001' }),
	col('unitId', '单位编号', identifier(), { doc: '失信单位，对应 units.csv', example: 'zjj' }),
	col('date', '认定日期', date(), { doc: '失信行为被认定的日期', example: '2023-05-16' }),
	col('severity', '程度', oneOf(SEVERITIES), { doc: '一般、较重、严重', example: '较重' }),
	col('kind', '类型', oneOf(DISHONESTY_KINDS), {
		doc: '失信或违约（合同违约、招商引资违约毁约）',
		example: '违约',
	}),
	col('what', '事由', text({ max: 500 }), {
		public: true,
		doc: '失信事实（公开；信用修复后不再公开）',
		example: '拖欠中小企业工程款逾期未付',
	}),
	col('source', '来源', text({ max: 60 }), {
		public: true,
		doc: '认定单位，如 法院、纪委、网信办',
		example: '法院',
	}),
	col('repairedOn', '修复日期', date(), {
		required: false,
		doc: '信用修复完成日期；空表示未修复',
		example: '',
	}),
	col('repairHow', '修复方式', text({ max: 500 }), {
		public: true,
		required: false,
		doc: '如何修复（填写修复日期时必填）',
		example: '',
	}),
] as const;

/** `dishonesty.csv`. */
export const dishonestyTable: TableDef = {
	name: 'dishonesty',
	title: '单位失信记录',
	path: 'dishonesty.csv',
	doc: '每行一条被评价单位的失信或违约记录，含信用修复情况',
	columns: dishonestyColumns,
	primaryKey: ['id'],
};
export const dishonestySchema = recordSchema(dishonestyColumns);
export type DishonestyRow = z.infer<typeof dishonestySchema>;
