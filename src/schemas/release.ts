/**
 * Releases (发布记录, `releases/releases.csv`): a quarter's results become public only once the office records their
 * release, with the date and the number of the document that released them (seed 002 三(五) "每期综合评价结果形成
 * 报告……适时向“信用淮安区”网站公开"). Until then the quarter is a draft: validated and scored for the office's preview
 * (`npm run report`), and published nowhere.
 */
import { z } from 'astro/zod';
import { col, date, noteColumn, recordSchema, text, type Cell, type TableDef } from './table.ts';
import { isQuarterId, type QuarterId } from '../lib/quarters.ts';
import { quoteValue } from '../lib/quote.ts';
import { GRADE_CODES, UNIT_CATEGORY_CODES } from './enums.ts';

/** A quarter written `2024-Q1`; `2024Q1`, `2024-q1` and `2024年第一季度` are refused with the spelling to use. */
export function quarter(): Cell<QuarterId> {
	const spelled = (v: string): string | undefined => {
		const m =
			v.match(/^(\d{4})\s*-?\s*[Qq]\s*([1-4])$/) ?? v.match(/^(\d{4})\s*年\s*第?\s*([1-4一二三四])\s*季度?$/);
		if (!m) return undefined;
		return `${m[1]}-Q${'一二三四'.includes(m[2]) ? '一二三四'.indexOf(m[2]) + 1 : m[2]}`;
	};
	return {
		type: 'string',
		pattern: '^\\d{4}-Q[1-4]$',
		format: 'YYYY-Qn',
		verbatim: isQuarterId,
		schema: z.string().superRefine((v, ctx) => {
			if (isQuarterId(v)) return;
			const s = spelled(v);
			ctx.addIssue({
				code: 'custom',
				params: { code: 'quarter-format' },
				input: v,
				message: s
					? `季度 ${quoteValue(v)} 应写作 ${s}`
					: `${quoteValue(v)} 不是季度，季度应写作 <年>-Q<季度>，例如 2024-Q1`,
			});
		}) as unknown as z.ZodType<QuarterId>,
	};
}

const releaseColumns = [
	col('quarter', '季度', quarter(), { doc: '发布的评价季度，对应 evidence/<季度>.csv', example: '2023-Q4' }),
	col('releasedOn', '发布日期', date(), {
		doc: '评价结果在网站公开的日期（不早于季度结束）；晚于构建截至日期的，到那一天才公开',
		example: '2024-01-20',
	}),
	col('docNumber', '文号', text({ max: 60 }), {
		public: true,
		doc: '发布评价结果的文件文号（公开）',
		example: '淮信用办〔2024〕1号',
	}),
	col('fingerprint', '结果指纹', text({ max: 80 }), {
		required: false,
		doc: '发布时评价结果的 SHA-256 指纹，由 npm run release 填写，请勿手工修改',
		example: 'sha256:9f2c…',
	}),
	noteColumn(300),
] as const;

/** `releases/releases.csv`. */
export const releaseTable: TableDef = {
	name: 'releases',
	title: '评价结果发布记录',
	path: 'releases/releases.csv',
	doc: '每行是一个季度评价结果的发布：季度、发布日期、文号。没有发布记录的季度是草稿，不会出现在网站上',
	columns: releaseColumns,
	primaryKey: ['quarter'],
};
export const releaseSchema = recordSchema(releaseColumns);
export type ReleaseRow = z.infer<typeof releaseSchema>;

/**
 * A release snapshot, `releases/<YYYY-Qn>.json`: the quarter's published results in canonical form as
 * `npm run release` wrote them (`src/lib/ledger/canonical.ts` says what is in it and why). Strict: the file is made by
 * the tool, and its SHA-256 is the release's fingerprint.
 */
export const snapshotSchema = z
	.object({
		quarter: z.string().regex(/^\d{4}-Q[1-4]$/),
		rubric: z.string().regex(/^\d{4}$/),
		units: z.array(
			z
				.object({
					id: z.string(),
					category: z.enum(UNIT_CATEGORY_CODES),
					score: z.number(),
					grade: z.enum(GRADE_CODES),
					rank: z.number().int(),
					maxPoints: z.number(),
					points: z.record(z.string(), z.number()),
					overrides: z.array(z.object({ grade: z.enum(GRADE_CODES) }).strict()),
				})
				.strict(),
		),
	})
	.strict();
