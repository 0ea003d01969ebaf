/**
 * 政务诚信公开承诺 (seed 001 二(四), seed 002 附件1 五「政务诚信承诺」, seed 004 第 8、20 条): a unit's public promise
 * in a service category with its service standard, and the dated history of its status ("新官不理旧账" is what the
 * history exposes: a commitment outlives leadership changes).
 */
import type { z } from 'astro/zod';
import { COMMITMENT_CATEGORIES, COMMITMENT_STATUSES } from './enums.ts';
import { col, date, identifier, noteColumn, oneOf, recordSchema, text, type TableDef } from './table.ts';

const commitmentColumns = [
	col('id', '承诺编号', identifier(), { doc: '承诺的固定编号', example: 'CN-shz-001' }),
	col('unitId', '单位编号', identifier(), { doc: '作出承诺的单位，对应 units.csv', example: 'shz' }),
	col('category', '类别', oneOf(COMMITMENT_CATEGORIES), {
		doc: '服务类别（政务、财务、就业……）',
		example: '养老',
	}),
	col('content', '承诺内容', text({ max: 500 }), {
		public: true,
		doc: '承诺事项（公开）',
		example: '年内建成镇区域性养老服务中心',
	}),
	col('standardContent', '服务内容', text({ max: 500 }), {
		public: true,
		required: false,
		doc: '服务标准之内容',
		example: '提供日间照料、助餐、助浴服务',
	}),
	col('standardQuality', '服务质量', text({ max: 500 }), {
		public: true,
		required: false,
		doc: '服务标准之质量',
		example: '老人满意度不低于 95%',
	}),
	col('standardDeadline', '服务期限', text({ max: 200 }), {
		public: true,
		required: false,
		doc: '服务标准之期限（文字说明）',
		example: '2023 年 12 月底前',
	}),
	col('madeOn', '承诺日期', date(), { doc: '向社会公开作出承诺的日期', example: '2023-02-15' }),
	col('dueBy', '完成时限', date(), { doc: '承诺兑现的最后期限', example: '2023-12-31' }),
	noteColumn(500),
] as const;

/** `commitments/commitments.csv`. */
export const commitmentTable: TableDef = {
	name: 'commitments',
	title: '公开承诺',
	path: 'commitments/commitments.csv',
	doc: '每行一项公开承诺；状态变化记在 commitments/updates.csv',
	columns: commitmentColumns,
	primaryKey: ['id'],
};
export const commitmentSchema = recordSchema(commitmentColumns);
export type CommitmentRow = z.infer<typeof commitmentSchema>;

const updateColumns = [
	col('commitmentId', '承诺编号', identifier(), { doc: '对应 commitments.csv', example: 'CN-shz-001' }),
	col('date', '日期', date(), { doc: '状态变化的日期', example: '2023-12-20' }),
	col('status', '状态', oneOf(COMMITMENT_STATUSES), {
		doc: '履行中、已兑现、依法变更、未兑现',
		example: '已兑现',
	}),
	col('evidence', '说明', text({ max: 1000 }), {
		public: true,
		required: false,
		doc: '兑现的证明，或依法变更的法律依据和理由（已兑现、依法变更、未兑现时必填，公开）',
		example: '中心已于 12 月 18 日投入运行，见镇政府网站公告',
	}),
] as const;

/** `commitments/updates.csv`. */
export const commitmentUpdateTable: TableDef = {
	name: 'commitment-updates',
	title: '承诺履行进展',
	path: 'commitments/updates.csv',
	doc: '每行一次承诺状态变化（含日期和证明）；没有记录的承诺视为履行中',
	columns: updateColumns,
	primaryKey: ['commitmentId', 'date', 'status'],
};
export const commitmentUpdateSchema = recordSchema(updateColumns);
export type CommitmentUpdateRow = z.infer<typeof commitmentUpdateSchema>;
