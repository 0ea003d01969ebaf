/**
 * The grade rules and counts in plain Chinese, for the pages that state them (评价方法, a quarter's report, the home
 * page): made from the rubric's thresholds, the grade table (`src/schemas/enums.ts`) and the scoring module's
 * override rules, so that no page restates a threshold or a label.
 */
import { GRADE_CODES, type Grade } from '../../schemas/enums.ts';
import type { Rubric } from '../../schemas/rubric.ts';
import { OVERRIDE_RULES } from './score.ts';
import { REPAIRED_WORDING } from '../dishonesty/public.ts';
import { t } from '../../i18n/zh-CN.ts';

/** "红名单 3 个、蓝名单 40 个、黄名单 5 个": how many of the units have each grade, best first. */
export function gradeCounts(units: readonly { grade: Grade }[]): string {
	return GRADE_CODES.map((g) => `${t.grade[g]} ${units.filter((u) => u.grade === g).length} 个`).join('、');
}

/**
 * A 较上季度 in points, signed as a reader takes it: a rise with + ("+0.5"), a fall with - ("-2.6"), no change "0.0".
 * The changes are whole tenths (`score.ts`), so one decimal shows them exactly.
 */
export const signedChange = (change: number): string =>
	change > 0 ? `+${change.toFixed(1)}` : change.toFixed(1);

/** Each grade with its score range under a rubric's thresholds (seed 002 三(二)), best first. */
export function gradeRanges(
	thresholds: Rubric['thresholds'],
): { grade: Grade; label: string; range: string }[] {
	const ranges: Record<Grade, string> = {
		red: `得分 ${thresholds.red} 分（含）以上`,
		blue: `得分 ${thresholds.blue} 分（含）以上、低于 ${thresholds.red} 分`,
		yellow: `得分低于 ${thresholds.blue} 分`,
	};
	return GRADE_CODES.map((g) => ({ grade: g, label: t.grade[g], range: ranges[g] }));
}

/** The grade ranges in one sentence: "红名单：得分 85 分（含）以上；蓝名单：…；黄名单：…". */
export function gradeRangesText(thresholds: Rubric['thresholds']): string {
	return gradeRanges(thresholds)
		.map((r) => `${r.label}：${r.range}`)
		.join('；');
}

/**
 * The 失信 overrides in plain Chinese (seed 002 三(二)), as the scoring module applies them (`OVERRIDE_RULES`), with
 * how the office reads "无违约或较重失信行为" and when a record counts.
 */
export function overrideRulesText(): string[] {
	const rule = (cause: string) => OVERRIDE_RULES.find((r) => r.cause === cause)!.rule;
	return [
		`有失信记录的单位不得列入${t.grade.red}：${rule('red-needs-no-record')}（淮信用办〔2022〕6号 三(二)1）。`,
		`${rule('major')}（三(二)2）。这句话按字面理解为“无违约行为，也无较重失信行为”：有违约记录（不论程度），或有较重、严重失信记录的单位，不论得分列入${t.grade.yellow}。`,
		`${rule('severe')}。`,
		'每次调整都在结果中写明原因和失信记录编号；一个单位同时有几条记录时，写明最严重的一条（同样严重的写最早的一条）。',
		`失信记录从认定日期所在季度起计入，信用修复后从修复日期所在季度的下一季度起不再计入。信用修复后不再公示记录的详情（信用修复管理办法，国家发展改革委令第 36 号）：已过去的季度保留当时的等次和调整，原因写作“${REPAIRED_WORDING}”；开放数据中的记录只保留不含内容的编号、单位、计入评价的季度和对等次的限制，以便复算。`,
	];
}
