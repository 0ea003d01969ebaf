/**
 * A year's evaluation rubric (`rubrics/<YYYY>.json`), the indicator table of seed 002 附件1 as data.
 * Edited by developers with the office; validated here, published as `/data/rubrics/<YYYY>.json`.
 */
import { z } from 'astro/zod';
import { COMMITMENT_CATEGORIES, UNIT_CATEGORY_CODES } from './enums.ts';

const category = z.enum(UNIT_CATEGORY_CODES);
const commitmentCategory = z.enum(COMMITMENT_CATEGORIES.map((c) => c.value) as [string, ...string[]]);

/** Points lost per verified incident (核实属实的通报、举报、违约): may take the indicator below zero ("倒扣"). */
const deduction = z
	.object({
		/** Points deducted per incident, e.g. 10 for a 双公示 omission, 20 for a 招商引资 breach ("分中倒扣 20 分"). */
		per: z.number().positive(),
		/** What counts as an incident, in Chinese. */
		what: z.string().min(1),
	})
	.strict();

/** How many quarters a point stays valid, counting the quarter it was earned ("至次年同月认定的前一季度止" = 4). */
const validQuarters = z.number().int().min(1).max(8).optional();

/** The rules an indicator can have. Each kind names the evidence it reads. */
const RULES = [
	/** Full points when the unit did it this quarter (a 完成 evidence row). */
	z.object({ kind: z.literal('done'), deduction: deduction.optional(), validQuarters }).strict(),
	/** `per` points per counted item (事项 rows' 数量, or pledges), at most `cap`. */
	z
		.object({
			kind: z.literal('perItem'),
			per: z.number().positive(),
			cap: z.number().positive(),
			/** Where items come from: evidence rows, or the enterprise pledges file (one item per enterprise). */
			source: z.enum(['evidence', 'pledges']).default('evidence'),
			deduction: deduction.optional(),
			validQuarters,
		})
		.strict(),
	/** Starts at zero and only loses points per verified incident. */
	z.object({ kind: z.literal('deduction'), deduction }).strict(),
	/**
	 * Full points minus `step` for each of the rubric year's commitment categories with no public commitment from
	 * the unit that quarter, floored at 0. Computed from the commitments data, never typed in.
	 */
	z.object({ kind: z.literal('commitmentCoverage'), step: z.number().positive() }).strict(),
	/** Points an assessor awards in [0, max], with a written reason (评分 rows). */
	z.object({ kind: z.literal('judged'), deduction: deduction.optional(), validQuarters }).strict(),
	/**
	 * 诚信镇（街道）创建 (seed 002 附件1 五), read from its garbled cell as `scoreCreditTown` in the scoring module says:
	 * full points in the quarter a 信用村（居） is accepted (完成 rows); in each later quarter of its validity, full
	 * points again with at least `households` new 诚信户 (事项 rows, 数量 = households), else `base` points.
	 */
	z
		.object({
			kind: z.literal('creditTown'),
			/** New 诚信户 a later quarter needs for full points ("次季度每新增 5 户“诚信户”得满分"). */
			households: z.number().int().positive(),
			/** Points of a later quarter with fewer ("无增加计 5 分"); full points minus it is the 15 of "满分不超 15 分". */
			base: z.number().nonnegative(),
			/** Quarters an acceptance counts, its own included ("此项分值有效期至次年同月认定的前一季度止": 4). */
			validQuarters: z.number().int().min(1).max(8),
		})
		.strict(),
] as const;
/** The rule of an indicator; a kind it does not know is named with the kinds there are. */
export const ruleSchema = z.discriminatedUnion(
	'kind',
	RULES,
	`规则类型 kind 应为 ${RULES.map((r) => `"${r.shape.kind.value}"`).join('、')} 之一（每种规则的含义见数据字典）`,
);
export type Rule = z.infer<typeof ruleSchema>;
export type RuleKind = Rule['kind'];

export const indicatorSchema = z
	.object({
		/** Stable id, e.g. `1.1`; referenced by evidence rows' 指标编号. */
		id: z
			.string()
			.regex(
				/^[A-Za-z0-9][A-Za-z0-9._-]*$/,
				'指标编号只能由英文字母、数字和 . _ - 组成，以字母或数字开头，如 1.1',
			),
		/** The group (考核指标) it belongs to. */
		group: z.string().min(1),
		/** Short Chinese title. */
		title: z.string().min(1),
		/** 考评内容 as the seed words it (may be condensed). */
		description: z.string().min(1),
		/** Full points. */
		max: z.number().nonnegative(),
		/** Unit categories the indicator applies to (共性 = all four; "A类部门考评"; "镇、街道考评" = town + park). */
		appliesTo: z.array(category).min(1),
		/** 考核方式. */
		method: z.string().min(1),
		/** 考核主体: who supplies the data. */
		assessor: z.string().min(1),
		rule: ruleSchema,
		/**
		 * Where the seed's scanned table is garbled: how we read it. Published in the rubric's open data and on the
		 * data dictionary page (not on the public methodology page, which states the rules as read).
		 */
		interpretation: z.string().optional(),
	})
	.strict();
export type Indicator = z.infer<typeof indicatorSchema>;

export const rubricSchema = z
	.object({
		year: z.number().int().min(2000).max(2100),
		title: z.string().min(1),
		/** The document it comes from, e.g. 淮信用办〔2022〕6号 附件1. */
		source: z.string().min(1),
		/** 满分 as printed in the seed (100); the score is normalised per category, see the methodology. */
		nominalMax: z.number().positive(),
		groups: z
			.array(z.object({ id: z.string().min(1), title: z.string().min(1), max: z.number() }).strict())
			.min(1),
		indicators: z.array(indicatorSchema).min(1),
		/** The commitment categories this year's 政务诚信承诺 indicator counts. */
		commitmentCategories: z.array(commitmentCategory).min(1),
		/** Grade thresholds: red ≥ red, blue ≥ blue, else yellow (seed 002 三(二)). */
		thresholds: z.object({ red: z.number(), blue: z.number() }).strict(),
		notes: z.array(z.string()).default([]),
	})
	.strict();
export type Rubric = z.infer<typeof rubricSchema>;
