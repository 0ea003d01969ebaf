/**
 * Enumerations shared by several record kinds. Each value has the code stored in open data and the Chinese label
 * the office types (either is accepted in a CSV cell).
 */
import type { Choice } from './table.ts';

/**
 * Unit categories of seed 002 三(一): 镇（街道）, 园区 (scored like a town), A 类部门, B 类部门, in the order pages list
 * them. `label` is what the office types in units.csv; `title` is how the site names the category.
 */
export const UNIT_CATEGORIES = [
	{ value: 'town', label: '镇街', title: '镇（街道）', aliases: ['镇', '街道', '镇（街道）', '镇(街道)'] },
	{ value: 'park', label: '园区', title: '园区' },
	{ value: 'A', label: 'A类', title: 'A类部门', aliases: ['A类部门', 'a'] },
	{ value: 'B', label: 'B类', title: 'B类部门', aliases: ['B类部门', 'b'] },
] as const satisfies readonly (Choice & { title: string })[];
export type UnitCategory = (typeof UNIT_CATEGORIES)[number]['value'];
/** The category codes, in the order pages list them. */
export const UNIT_CATEGORY_CODES = UNIT_CATEGORIES.map((c) => c.value) as [UnitCategory, ...UnitCategory[]];

/**
 * The grades of seed 002 三(二), best first: 红名单 (好), 蓝名单 (较好), 黄名单 (一般). The thresholds are the rubric's
 * (`rubrics/<YYYY>.json` `thresholds`); each grade has an icon so that it is never told by colour alone.
 */
export const GRADES = [
	{ value: 'red', label: '红名单', icon: '▲' },
	{ value: 'blue', label: '蓝名单', icon: '●' },
	{ value: 'yellow', label: '黄名单', icon: '▼' },
] as const satisfies readonly (Choice & { icon: string })[];
export type Grade = (typeof GRADES)[number]['value'];
/** The grade codes, best first. */
export const GRADE_CODES = GRADES.map((g) => g.value) as [Grade, ...Grade[]];

/**
 * Public-commitment service categories (seed 002 附件1 五「政务诚信承诺」, seed 001 二(三)(四), seed 004 第 20 条).
 * The rubric of each year lists which of these it counts.
 */
export const COMMITMENT_CATEGORIES = [
	{ value: '政务', label: '政务' },
	{ value: '财务', label: '财务', aliases: ['财政', '财务/财政'] },
	{ value: '就业', label: '就业' },
	{ value: '物业', label: '物业' },
	{ value: '就学', label: '就学', aliases: ['教育', '就学/教育'] },
	{ value: '公共卫生', label: '公共卫生' },
	{ value: '卫生健康', label: '卫生健康', aliases: ['医疗', '卫生计生', '卫生健康/医疗'] },
	{ value: '养老', label: '养老' },
	{ value: '助残', label: '助残' },
	{ value: '医保', label: '医保' },
	{ value: '住房', label: '住房' },
	{ value: '出行', label: '出行' },
	{ value: '停车', label: '停车' },
	{ value: '防火防盗', label: '防火防盗', aliases: ['防火', '防盗'] },
	{ value: '拥军优属', label: '拥军优属' },
	{ value: '便民服务', label: '便民服务' },
	{ value: '环境整治', label: '环境整治' },
] as const satisfies readonly Choice[];
export type CommitmentCategory = (typeof COMMITMENT_CATEGORIES)[number]['value'];

/** Commitment status (SPEC 3). 逾期 (overdue) is not a status: it is derived from 履行中 and the as-of date. */
export const COMMITMENT_STATUSES = [
	{ value: 'in-progress', label: '履行中' },
	{ value: 'fulfilled', label: '已兑现' },
	{ value: 'changed', label: '依法变更' },
	{ value: 'broken', label: '未兑现' },
] as const satisfies readonly Choice[];
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number]['value'];

/** Kinds of enterprise credit pledge (seed 002 附件1 五「属地行政监管」: 安全、环保、纳税). */
export const PLEDGE_KINDS = [
	{ value: 'safety', label: '安全' },
	{ value: 'environment', label: '环保' },
	{ value: 'tax', label: '纳税' },
] as const satisfies readonly Choice[];
export type PledgeKind = (typeof PLEDGE_KINDS)[number]['value'];

/** Severity of a unit's 失信 record (SPEC 1; seed 002 三(二) 黄名单 "严重失信行为"). */
export const SEVERITIES = [
	{ value: 'minor', label: '一般' },
	{ value: 'major', label: '较重' },
	{ value: 'severe', label: '严重' },
] as const satisfies readonly Choice[];
export type Severity = (typeof SEVERITIES)[number]['value'];

/** Whether a 失信 record is a breach of contract (违约, seed 002 蓝名单 "无违约或较重失信") or other dishonesty. */
export const DISHONESTY_KINDS = [
	{ value: 'dishonesty', label: '失信' },
	{ value: 'breach', label: '违约', aliases: ['违约毁约'] },
] as const satisfies readonly Choice[];
export type DishonestyKind = (typeof DISHONESTY_KINDS)[number]['value'];

/**
 * What an objection (异议, seed 004 九) is about: a quarter's result of a unit, a unit's 失信 record, or a 政务诚信典型
 * candidate (the three kinds every 异议 link of the site names, `src/page-data/objection.ts`).
 */
export const OBJECTION_TARGETS = [
	{ value: 'grade', label: '评价结果', aliases: ['季度评价结果'] },
	{ value: 'record', label: '失信记录' },
	{ value: 'exemplar', label: '诚信典型', aliases: ['政务诚信典型', '诚信典型人选'] },
] as const satisfies readonly Choice[];
export type ObjectionTarget = (typeof OBJECTION_TARGETS)[number]['value'];

/** How an objection ended: the published information was kept (维持) or corrected (更正). */
export const OBJECTION_OUTCOMES = [
	{ value: 'kept', label: '维持', aliases: ['异议不成立'] },
	{ value: 'corrected', label: '更正', aliases: ['异议成立'] },
] as const satisfies readonly Choice[];
export type ObjectionOutcome = (typeof OBJECTION_OUTCOMES)[number]['value'];

/** A code → text table made from an enumeration (`label` unless another key is named), so that no label is restated. */
export function labelsOf<C extends Choice, K extends keyof C = 'label'>(
	choices: readonly C[],
	key: K = 'label' as K,
): Record<C['value'], C[K]> {
	return Object.fromEntries(choices.map((c) => [c.value, c[key]])) as Record<C['value'], C[K]>;
}
