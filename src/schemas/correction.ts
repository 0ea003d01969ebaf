/**
 * Corrections (更正台账, `releases/corrections.csv`): every change to a released quarter's published results, one row
 * per unit and field, with the value before and after. A released quarter's results never change silently (SPEC 1
 * "Releases"): the build recomputes them, compares them with the snapshot taken at release (`releases/<季度>.json`)
 * as corrected by these rows, and refuses any other difference (`src/lib/ledger/`). The rows are written by
 * `npm run release -- <季度> --correct`, which computes the values; the office gives the date, 文号 and reason.
 * @see src/docs/rules/004-dishonesty.md 九 (异议 → 核查 → 更正), 国务院关于加强政务诚信建设的指导意见 "政务失信记录……更正"
 */
import type { z } from 'astro/zod';
import { quarter } from './release.ts';
import { col, date, identifier, recordSchema, text, type Cell, type TableDef } from './table.ts';
import { z as zod } from 'astro/zod';
import { parseField, type LedgerField } from '../lib/ledger/fields.ts';
import { quoteValue } from '../lib/quote.ts';

/** The 项目 column: a field of a unit's published result (`得分`, `等次`, `类内排名`, `指标 1.1` …). */
function ledgerField(): Cell<LedgerField> {
	return {
		type: 'string',
		format: '得分、等次、等次调整、类内排名、类别、适用指标满分之和 或 指标 <编号>',
		schema: zod.string().transform((v, ctx) => {
			const f = parseField(v);
			if (f === undefined) {
				ctx.addIssue({
					code: 'custom',
					params: { code: 'enum-error' },
					input: v,
					message: `${quoteValue(v)} 不是可更正的项目，应为 得分、等次、等次调整、类内排名、类别、适用指标满分之和 或 “指标 1.1” 这样的指标得分`,
				});
				return zod.NEVER;
			}
			return f;
		}) as unknown as zod.ZodType<LedgerField>,
	};
}

const correctionColumns = [
	col('id', '更正编号', identifier(), {
		doc: '一次更正的编号（同一次更正的各行相同；异议处理情况引用它）',
		example: 'GZ-2022-01',
	}),
	col('quarter', '季度', quarter(), { doc: '被更正的已发布季度', example: '2022-Q3' }),
	col('date', '更正日期', date(), { doc: '作出更正的日期（不早于该季度的发布日期）', example: '2022-11-25' }),
	col('docNumber', '文号', text({ max: 60 }), {
		doc: '更正文件的文号（公开）',
		example: '淮信用办〔2022〕8号',
		public: true,
	}),
	col('unitId', '单位编号', identifier(), { doc: '结果被更正的单位，对应 units.csv', example: 'cgj' }),
	col('field', '项目', ledgerField(), {
		doc: '被更正的项目：得分、等次、等次调整、类内排名、类别、适用指标满分之和，或“指标 1.1”（该项指标得分）',
		example: '指标 1.1',
	}),
	col('from', '原值', text({ max: 40 }), {
		required: false,
		doc: '更正前公布的值（由 npm run release -- <季度> --correct 计算填写；空表示原来没有这一项）',
		example: '0',
	}),
	col('to', '新值', text({ max: 40 }), {
		required: false,
		doc: '更正后的值（由 npm run release -- <季度> --correct 计算填写；空表示更正后没有这一项）',
		example: '10',
	}),
	col('reason', '理由', text({ max: 500 }), {
		doc: '更正的理由（公开）',
		example: '经核查，抽查比对通报所列 3 条行政处罚信息已按时报送，撤销扣分',
		public: true,
		noContacts: true,
	}),
] as const;

/** `releases/corrections.csv`. */
export const correctionTable: TableDef = {
	name: 'corrections',
	title: '评价结果更正记录',
	path: 'releases/corrections.csv',
	doc: '每行是对一个已发布季度、一个单位、一个项目的更正：原值和新值由 npm run release -- <季度> --correct 计算填写，同一次更正的各行编号、季度、日期、文号、理由相同',
	columns: correctionColumns,
	primaryKey: ['id', 'unitId', 'field'],
};
export const correctionSchema = recordSchema(correctionColumns);
export type CorrectionRow = z.infer<typeof correctionSchema>;
