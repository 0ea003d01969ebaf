/**
 * Plain-Chinese descriptions of rubric rules, for the methodology page: generated from the rubric file, never typed.
 */
import type { Indicator, Rule } from '../schemas/rubric.ts';
import { UNIT_CATEGORY_CODES, type UnitCategory } from '../schemas/enums.ts';
import { t } from '../i18n/zh-CN.ts';

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
			// indicatorPoints takes the latest 评分 of the window (by quarter, then date, then the row further down).
			text = `评审打分，0～${n(ind.max)} 分，须写明理由；有几条评分的，以日期最晚的一条为准（同一天的以表中靠后的一条为准）`;
			break;
		case 'commitmentCoverage':
			// missingCategories in the scoring module: what makes a category "have" a commitment in a quarter.
			text = `${n(ind.max)} 分，当年承诺类别中每少一类扣 ${n(rule.step)} 分，最低 0 分（由公开承诺数据计算：某类别在该季度内有有效的公开承诺，即承诺日期不晚于季末、且未在季初之前已兑现、依法变更或认定未兑现，才算有这一类）`;
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

/**
 * The grade standard of a rubric year in one line, numbers from its `thresholds`:
 * `红名单 ≥ 85 分、蓝名单 60～85 分、黄名单 < 60 分`.
 * @see src/docs/rules/002-quarterly-evaluation.md 三(二)
 */
export function standardLine(thresholds: { red: number; blue: number }): string {
	const { red, blue } = thresholds;
	return `${t.grade.red} ≥ ${n(red)} 分、${t.grade.blue} ${n(blue)}～${n(red)} 分、${t.grade.yellow} < ${n(blue)} 分`;
}

/**
 * Why an indicator has 0 points when nothing was reported for it, naming who should have reported (考核主体): for
 * the rules that count reported facts (done, items, judged points) with no fact behind them. Undefined when the
 * points rest on something (a fact, a pledge, a deduction) or come from other data (commitment coverage).
 */
export function zeroNote(
	ind: Pick<Indicator, 'assessor' | 'rule'>,
	points: { points: number; evidence: readonly string[]; pledges?: readonly string[] },
	isNothing: (evidenceId: string) => boolean = () => false,
): string | undefined {
	if (points.points !== 0 || points.pledges?.length) return undefined;
	// A 无 row says there was nothing to report: the points rest on nothing, as with no row at all.
	const reported = points.evidence.some((id) => !isNothing(id));
	if (reported) return undefined;
	const rule = ind.rule;
	if (rule.kind === 'perItem' && rule.source === 'pledges')
		return `本季度没有有效的企业信用承诺，按 0 分计（考核主体：${ind.assessor}）`;
	if (rule.kind === 'done' || rule.kind === 'perItem' || rule.kind === 'judged' || rule.kind === 'creditTown')
		return points.evidence.length
			? `本季度没有可报的事实（报送为“无”），按 0 分计（考核主体：${ind.assessor}）`
			: `本季度没有报送记录，按 0 分计（考核主体：${ind.assessor}）`;
	return undefined;
}

/**
 * Splits running text into pieces, marking those that must read whole: dates and record ids (`2023-05-18`,
 * `SX-2023-002`, `2023Q4-0001`) and numbers with their unit (`86 万元`, `7.5 分`). A page renders the marked pieces
 * unbreakable, so a line never ends in "2023-05-" or "86".
 */
export function keepTogether(text: string): { text: string; whole: boolean }[] {
	const out: { text: string; whole: boolean }[] = [];
	let last = 0;
	for (const m of text.matchAll(WHOLE)) {
		if (m.index > last) out.push({ text: text.slice(last, m.index), whole: false });
		out.push({ text: m[0], whole: true });
		last = m.index + m[0].length;
	}
	if (last < text.length) out.push({ text: text.slice(last), whole: false });
	return out;
}
const WHOLE =
	/[A-Za-z0-9]+(?:[-.][A-Za-z0-9]+)+(?:\s?(?:分|万元|元|个|项|次|家|年|日))?|\d+(?:\s?(?:分|万元|元|个|项|次|家|年|日))?/g;
