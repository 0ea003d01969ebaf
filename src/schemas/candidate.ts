/**
 * 政务诚信典型 candidates (seed 000 附件1 推荐表) and the facts of their lifecycle: credit review (第七条), 评审 and
 * 公示 (第八条), objections and revocation (第十条). Which of these fields may be published is decided in
 * `src/lib/exemplars/public.ts`, never here: this file describes what the office keeps.
 */
import type { z } from 'astro/zod';
import { z as zod } from 'astro/zod';
import { quoteValue } from '../lib/quote.ts';
import {
	col,
	date,
	identifier,
	integer,
	oneOf,
	recordSchema,
	text,
	toHalfWidth,
	type Cell,
	type TableDef,
} from './table.ts';

/**
 * 出生年月 as a spreadsheet leaves it, read as `YYYY-MM`: Excel and WPS take 1986-04 for a date, the first of that
 * month, and export it `1986/4/1`, `1986-04-01` or `1986年4月` (with `0:00:00` after it in some formats); a clerk types
 * `1986.04` or `1986年4月`. Only a first of the month is read (another day is a date of birth, which the form does not
 * ask for), and a month after a dot only when it cannot be a month ending in 0 that a spreadsheet, reading 1986.10 as
 * a number, cut to 1986.1: `ambiguous` then names both.
 */
export function yearMonthOf(v: string): { month?: string; ambiguous?: [string, string] } {
	const m = toHalfWidth(v)
		.trim()
		.match(
			/^(\d{4})\s*(?:(年|\/|-)\s*(\d{1,2})\s*月?(?:\s*(?:\/|-)\s*(\d{1,2})|\s*(\d{1,2})\s*日)?(?:\s+0{1,2}:00(?::00)?)?|(\.)(\d{1,2}))$/,
		);
	if (!m) return {};
	const [year, monthText, day] = [m[1], m[3] ?? m[7], m[4] ?? m[5]];
	const month = Number(monthText);
	if (month < 1 || month > 12 || (day !== undefined && Number(day) !== 1)) return {};
	const of = (n: number) => `${year}-${String(n).padStart(2, '0')}`;
	if (m[6] && monthText === '1') return { ambiguous: [of(1), of(10)] };
	return { month: of(month) };
}

/** 出生年月: `YYYY-MM` (the form asks for year and month only). */
function yearMonth(): Cell<string> {
	return {
		type: 'string',
		format: 'YYYY-MM',
		pattern: '^\\d{4}-(0[1-9]|1[0-2])$',
		fix: (v) => yearMonthOf(v).month,
		schema: zod.string().superRefine((v, ctx) => {
			if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(v)) {
				const { month, ambiguous } = yearMonthOf(v);
				ctx.addIssue({
					code: 'custom',
					message: month
						? `${quoteValue(v)} 格式不对，出生年月应写作 ${month}（年-月，不写日；Excel/WPS 会把 ${month} 当作这个月 1 日的日期，请把这一列设为“文本”；可运行 npm run validate -- --fix 自动修正）`
						: ambiguous
							? `${quoteValue(v)} 格式不对，出生年月应写作 YYYY-MM：是 ${ambiguous[0]} 还是 ${ambiguous[1]}？（Excel/WPS 把 ${ambiguous[1].replace('-', '.')} 当作数字时会去掉末尾的 0）请核对原件后填写`
							: `${quoteValue(v)} 格式不对，出生年月应写作 YYYY-MM，例如 1985-07`,
					params: month ? { code: 'date-format', fixable: true } : { code: 'date-format' },
					input: v,
				});
			}
		}),
	};
}

const candidateColumns = [
	col('id', '编号', identifier(), { doc: '候选人固定编号，出现在网址中', example: '2022-001' }),
	col('year', '年份', integer({ min: 2000, max: 2100 }), { doc: '评选年度', example: '2022' }),
	col('name', '姓名', text({ max: 20 }), { public: true, doc: '姓名（公示起公开）', example: '王某某' }),
	col(
		'gender',
		'性别',
		oneOf([
			{ value: '男', label: '男' },
			{ value: '女', label: '女' },
		] as const),
		{
			doc: '男或女',
			example: '女',
		},
	),
	col('unit', '单位', text({ max: 60 }), {
		public: true,
		doc: '工作单位（推荐表"单位及职务"）',
		example: '区行政审批局',
	}),
	col('position', '职务', text({ max: 60 }), {
		public: true,
		doc: '职务（推荐表"单位及职务"）',
		example: '窗口科科长',
	}),
	col('birth', '出生年月', yearMonth(), { doc: '出生年月，默认不公开', example: '1985-07' }),
	col('political', '政治面貌', text({ max: 20 }), {
		public: true,
		doc: '政治面貌，默认不公开',
		example: '中共党员',
	}),
	col('education', '文化程度', text({ max: 20 }), {
		public: true,
		doc: '文化程度，默认不公开',
		example: '大学本科',
	}),
	col('category', '类别', text({ max: 30 }), {
		public: true,
		doc: '推荐表"类别"，如 镇街工作人员、部门工作人员',
		example: '部门工作人员',
	}),
	col('recommender', '推荐单位', identifier(), {
		doc: '推荐单位编号，对应 units.csv（每单位每年限 2 人）',
		example: 'xzspj',
	}),
	col('contact', '联系人及方式', text({ max: 100 }), {
		doc: '推荐单位联系人及电话，永不公开',
		example: '李某 0517-8xxxxxxx',
	}),
	col('awards', '曾获主要奖励', text({ max: 500 }), {
		public: true,
		noContacts: true,
		required: false,
		doc: '公开',
		example: '2021 年度区优秀公务员',
	}),
	col('coverage', '宣传报道情况', text({ max: 500 }), {
		public: true,
		noContacts: true,
		required: false,
		doc: '公开',
		example: '淮安区融媒体中心专题报道',
	}),
	col('title', '事迹名称', text({ max: 60 }), {
		public: true,
		noContacts: true,
		doc: '事迹名称（公开）',
		example: '窗口前的"承诺书"',
	}),
	col('summary', '主要事迹', text({ max: 600 }), {
		public: true,
		noContacts: true,
		doc: '主要事迹，约 200 字（公开）',
		example: '……',
	}),
	col('opinion', '推荐单位意见', text({ max: 500 }), { doc: '推荐单位意见，永不公开', example: '同意推荐' }),
	col('recommendedOn', '推荐日期', date(), {
		doc: '报送日期，须在当年 12 月 10 日前（含）',
		example: '2022-12-05',
	}),
	col('photos', '照片', text({ max: 200 }), {
		required: false,
		doc: '照片文件名（exemplars/photos/ 下），1–2 张用"、"分隔；120×160 像素，小于 30KB',
		example: '2022-001.jpg',
	}),
	col('photoAlt', '照片说明', text({ max: 100 }), {
		public: true,
		noContacts: true,
		required: false,
		doc: '照片的文字说明（无障碍替代文本）',
		example: '王某某工作照',
	}),
	col(
		'review',
		'评审结果',
		oneOf([
			{ value: 'passed', label: '通过' },
			{ value: 'failed', label: '未通过' },
		] as const),
		{
			required: false,
			doc: '评审小组结果；空表示尚未评审',
			example: '通过',
		},
	),
	col('noticeId', '公示编号', identifier(), {
		required: false,
		doc: '所在公示批次，对应 notices.csv',
		example: 'GS-2022-01',
	}),
] as const;

/** `exemplars/candidates.csv`. */
export const candidateTable: TableDef = {
	name: 'candidates',
	title: '诚信典型候选人',
	path: 'exemplars/candidates.csv',
	doc: '每行一名候选人（推荐表的内容）；详细事迹放在 exemplars/stories/<编号>.mdx',
	columns: candidateColumns,
	primaryKey: ['id'],
};
export const candidateSchema = recordSchema(candidateColumns);
export type CandidateRow = z.infer<typeof candidateSchema>;

/** The four bodies consulted in every credit review (seed 000 第七条): a review is complete when all four replied. */
export const REVIEW_BODIES = [
	{ value: 'discipline', label: '纪检' },
	{ value: 'police', label: '公安' },
	{ value: 'procuratorate', label: '检察院' },
	{ value: 'petition', label: '信访' },
] as const;

/**
 * Bodies the office may consult besides the four (seed 000 第七条 "向纪检、公安、检察院、信访等有关单位函询"): their
 * replies are not needed for a complete review, and a record in any of them disqualifies as one in the four does.
 */
export const OTHER_REVIEW_BODIES = [
	{ value: 'court', label: '法院' },
	{ value: 'other', label: '其他' },
] as const;

const reviewColumns = [
	col('candidateId', '候选人编号', identifier(), { doc: '对应 candidates.csv', example: '2022-001' }),
	col('body', '审查单位', oneOf([...REVIEW_BODIES, ...OTHER_REVIEW_BODIES]), {
		doc: '纪检、公安、检察院、信访四家必须都有回复；另外函询的法院或其他有关单位可以填“法院”“其他”',
		example: '公安',
	}),
	col(
		'result',
		'结果',
		oneOf([
			{ value: 'clear', label: '无记录' },
			{ value: 'hit', label: '有记录' },
		] as const),
		{
			doc: '近五年有无违法违纪等失信记录；有记录即取消候选资格',
			example: '无记录',
		},
	),
	col('date', '回复日期', date(), { doc: '函询回复日期', example: '2022-12-15' }),
	col('detail', '说明', text({ max: 500 }), { required: false, doc: '审查细节，永不公开', example: '' }),
] as const;

/** `exemplars/reviews.csv`: never published. */
export const reviewTable: TableDef = {
	name: 'reviews',
	title: '信用审查',
	path: 'exemplars/reviews.csv',
	doc: '每行一个审查单位对一名候选人的函询结果（不公开）',
	columns: reviewColumns,
	primaryKey: ['candidateId', 'body'],
};
export const reviewSchema = recordSchema(reviewColumns);
export type ReviewRow = z.infer<typeof reviewSchema>;

const noticeColumns = [
	col('id', '公示编号', identifier(), { doc: '公示批次编号，出现在网址中', example: 'GS-2022-01' }),
	col('year', '年份', integer({ min: 2000, max: 2100 }), { doc: '评选年度', example: '2022' }),
	col('title', '标题', text({ max: 100 }), {
		public: true,
		doc: '公示标题',
		example: '2022 年度淮安区"政务诚信典型"拟认定人选公示',
	}),
	col('start', '开始日期', date(), {
		doc: '公示第一天；结束日为第 7 个工作日，自动计算',
		example: '2023-01-09',
	}),
	col('docNumber', '文号', text({ max: 40 }), {
		public: true,
		required: false,
		doc: '公示文号',
		example: '',
	}),
] as const;

/** `exemplars/notices.csv`. */
export const noticeTable: TableDef = {
	name: 'notices',
	title: '公示批次',
	path: 'exemplars/notices.csv',
	doc: '每行一次公示；公示期 7 个工作日，按国务院节假日安排（含调休）计算',
	columns: noticeColumns,
	primaryKey: ['id'],
};
export const noticeSchema = recordSchema(noticeColumns);
export type NoticeRow = z.infer<typeof noticeSchema>;

/** Events after 评审 (seed 000 第八条, 第十条). */
export const CANDIDATE_EVENTS = [
	{ value: 'objection', label: '异议' },
	{ value: 'objection-upheld', label: '异议成立' },
	{ value: 'objection-rejected', label: '异议不成立' },
	{ value: 'revoked', label: '撤销' },
] as const;

const eventColumns = [
	col('candidateId', '候选人编号', identifier(), { doc: '对应 candidates.csv', example: '2022-003' }),
	col('date', '日期', date(), { doc: '收到异议、核实结论或撤销的日期', example: '2023-03-02' }),
	col('event', '事件', oneOf(CANDIDATE_EVENTS), { doc: '异议、异议成立、异议不成立、撤销', example: '撤销' }),
	col('publicReason', '公开说明', text({ max: 300 }), {
		public: true,
		noContacts: true,
		required: false,
		doc: '撤销时必填：向社会公开的撤销理由',
		example: '经核实，存在举报反映的违反工作纪律问题',
	}),
	col('detail', '内部说明', text({ max: 1000 }), {
		required: false,
		doc: '异议内容、核实过程，永不公开',
		example: '',
	}),
] as const;

/** `exemplars/events.csv`. */
export const eventTable: TableDef = {
	name: 'events',
	title: '异议与撤销',
	path: 'exemplars/events.csv',
	doc: '每行一次异议、核实结论或撤销',
	columns: eventColumns,
};
export const eventSchema = recordSchema(eventColumns);
export type EventRow = z.infer<typeof eventSchema>;
