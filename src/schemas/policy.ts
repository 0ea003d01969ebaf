/**
 * The office's own policy documents (政策文件: seeds 000, 001, 002 are its 办法 and 方案), published with their
 * document numbers. Metadata here; the text in `policies/<编号>.mdx` (plain Markdown).
 */
import type { z } from 'astro/zod';
import { col, date, identifier, recordSchema, text, type TableDef } from './table.ts';

const policyColumns = [
	col('id', '编号', identifier(), {
		doc: '文件编号，出现在网址 /policies/<编号>/ 中；正文为 policies/<编号>.mdx',
		example: 'xyb-2022-7',
	}),
	col('title', '标题', text({ max: 200 }), {
		public: true,
		doc: '文件标题',
		example: '关于印发《淮安区“政务诚信典型”评选宣传活动办法》的通知',
	}),
	col('docNumber', '文号', text({ max: 40 }), {
		public: true,
		doc: '发文字号',
		example: '淮信用办〔2022〕7号',
	}),
	col('date', '发布日期', date(), {
		required: false,
		doc: '成文或发布日期；原件未注明时留空',
		example: '2022-11-22',
	}),
	col('issuer', '发布单位', text({ max: 100 }), {
		public: true,
		doc: '发文机关',
		example: '淮安市淮安区社会信用体系建设工作领导小组办公室',
	}),
] as const;

/** `policies/policies.csv`. */
export const policyTable: TableDef = {
	name: 'policies',
	title: '政策文件',
	path: 'policies/policies.csv',
	doc: '每行一份区信用办发布的政策文件，正文放在 policies/<编号>.mdx',
	columns: policyColumns,
	primaryKey: ['id'],
};
export const policySchema = recordSchema(policyColumns);
export type PolicyRow = z.infer<typeof policySchema>;
