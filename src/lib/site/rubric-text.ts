/**
 * Plain-Chinese descriptions of rubric rules, for the methodology page: generated from the rubric file, never typed.
 */
import type { Indicator, Rule } from '../../schemas/rubric.ts';
import { UNIT_CATEGORY_CODES, type UnitCategory } from '../../schemas/enums.ts';
import { t } from '../../i18n/zh-CN.ts';

const n = (x: number) => String(x);

/** How an indicator's points are computed, in one sentence. */
export function describeRule(ind: Indicator): string {
	const rule: Rule = ind.rule;
	const validity =
		'validQuarters' in rule && rule.validQuarters
			? `；分值自取得季度起 ${rule.validQuarters} 个季度内有效（至次年同月认定的前一季度止）`
			: '';
	let text: string;
	switch (rule.kind) {
		case 'done':
			text = `完成得 ${n(ind.max)} 分，未完成 0 分`;
			break;
		case 'perItem':
			text = `${rule.source === 'pledges' ? '每家签订信用承诺的企业' : '每项（次）'}得 ${n(rule.per)} 分，最高 ${n(rule.cap)} 分${rule.source === 'pledges' ? '（由企业信用承诺数据计算）' : ''}`;
			break;
		case 'judged':
			text = `评审打分，0～${n(ind.max)} 分，须写明理由`;
			break;
		case 'commitmentCoverage':
			text = `${n(ind.max)} 分，当年承诺类别中每少一类扣 ${n(rule.step)} 分，最低 0 分（由公开承诺数据计算）`;
			break;
		case 'deduction':
			text = '基础 0 分';
			break;
		case 'creditTown':
			return `验收一个“信用村（居）”合格的季度得 ${n(ind.max)} 分；此后 ${rule.validQuarters - 1} 个季度内（验收季度起共 ${rule.validQuarters} 个季度，至次年同月认定的前一季度止），每季度新增“诚信户”满 ${rule.households} 户得满分 ${n(ind.max)} 分，不足 ${rule.households} 户（含无新增）计 ${n(rule.base)} 分；过了有效期未再验收的 0 分`;
	}
	const deduction =
		'deduction' in rule && rule.deduction
			? `；${rule.deduction.what}的，每起扣 ${n(rule.deduction.per)} 分，本项可为负分`
			: '';
	return text + deduction + validity;
}

/** The categories an indicator applies to, in Chinese. */
export function describeAppliesTo(categories: readonly UnitCategory[]): string {
	if (UNIT_CATEGORY_CODES.every((c) => categories.includes(c))) return '共性（全部单位）';
	return categories.map((c) => t.category[c]).join('、');
}

/** Σ max of the indicators that apply to a category. */
export function maxFor(indicators: readonly Indicator[], category: UnitCategory): number {
	return (
		Math.round(
			indicators.filter((i) => i.appliesTo.includes(category)).reduce((s, i) => s + i.max, 0) * 100,
		) / 100
	);
}
