/**
 * `evidence/<YYYY-Qn>.csv`: the facts of each quarter's evaluation, one row per fact. The hot loop of the validator (a
 * city has a million rows): a row is checked by plain functions, with what its file shares worked out once per file.
 */
import { isQuarterId, quarterEnd, quarterStart, type QuarterId } from '../../quarters.ts';
import {
	EVIDENCE_KINDS,
	evidenceTable,
	type EvidenceKind,
	type EvidenceRow,
} from '../../../schemas/evidence.ts';
import type { Indicator, Rubric, Rule } from '../../../schemas/rubric.ts';
import type { Located } from '../read-table.ts';
import type { CheckContext } from '../context.ts';
import { didYouMean, suggester } from '../suggest.ts';
import { meantAs } from './unknown-files.ts';

/** `：<why>` after a message, or nothing. */
const suffix = (why: string | undefined) => (why ? `：${why}` : '');
import { categoryLabel, existsBetween, existsOn, inactiveMessage, unitRef, type Units } from './units.ts';
import { quoteValue } from '../../quote.ts';
import { inDateOrder } from '../../scoring/score.ts';

/** An evidence row with its quarter (from the file name). */
export type Evidence = EvidenceRow & { quarter: QuarterId };

/**
 * A blank placeholder evidence row, as `npm run new:quarter` writes one per unit and indicator: only 记录编号, 单位编号
 * and 指标编号 filled. It is checked (ids, unit, indicator) but neither published nor scored, so a quarter whose file
 * holds only placeholders is not published yet. A row with anything else filled is a fact and must be complete.
 */
export function isPlaceholder(e: EvidenceRow): boolean {
	return (
		!e.kind && !e.date && e.count === undefined && e.points === undefined && !e.what && !e.source && !e.reason
	);
}

/** The kinds of row an indicator's rule reads, and the kind a row with a blank 类型 has. */
interface Kinds {
	implied?: EvidenceKind;
	allowed: EvidenceKind[];
}

/** What the rows of one quarter's file are checked against. */
interface Quarter {
	id: QuarterId;
	year: number;
	first: string;
	last: string;
	rubric?: Rubric;
	indicators: Map<string, Indicator>;
	kinds: Map<string, Kinds>;
	/** The indicator id of the rubric closest to an unknown one (did you mean). */
	suggest: (id: string) => string | undefined;
}

/** 完成、事项、扣分、评分, as the 类型 column spells them. */
const KIND_LABEL = Object.fromEntries(EVIDENCE_KINDS.map((k) => [k.value, k.label])) as Record<
	EvidenceKind,
	string
>;

/**
 * The valid evidence rows of every quarter, in file order. A row is rejected when its unit, indicator, dates or kind
 * do not fit (see `checkRow`); ids are unique across all quarters. Blank placeholders pass the checks but are left
 * out of the result and counted in their file's accounting.
 */
export function checkEvidence(
	ctx: CheckContext,
	units: Units,
	rubrics: Map<number, Rubric>,
): Located<Evidence>[] {
	const evidence: Located<Evidence>[] = [];
	const rubricFiles = new Set(ctx.files.list('rubrics'));
	for (const name of ctx.files.list('evidence')) {
		const rel = `evidence/${name}`;
		// Stryker disable next-line Regex: a name that passes the next test ends with .csv, so its first .csv is its last.
		const quarter = name.replace(/\.csv$/, '');
		if (!name.endsWith('.csv') || !isQuarterId(quarter)) {
			ctx.error(
				ctx.path(rel),
				1,
				1,
				'file-name',
				`季度评价记录文件应按季度命名，如 2023-Q4.csv，而不是 ${quoteValue(name)}${suffix(meantAs(rel, ctx.path('')))}`,
			);
			continue;
		}
		const q = quarterOf(quarter, rubrics);
		// Stryker disable next-line BooleanLiteral: the file was just listed, so it is there: required or not, it is read.
		const rows = ctx.table<EvidenceRow>(evidenceTable, rel, true).records;
		// A rubric file with errors of its own is not called missing.
		if (!q.rubric && rows.length)
			ctx.error(
				ctx.path(rel),
				1,
				1,
				'missing-rubric',
				rubricFiles.has(`${q.year}.json`)
					? `${q.year} 年的评价指标文件 rubrics/${q.year}.json 有错误（见该文件的报告），本季度无法计分`
					: `没有 ${q.year} 年的评价指标文件 rubrics/${q.year}.json，本季度无法计分`,
			);
		const conflicting = checkNoneAlone(ctx, rows);
		const judged = new Map<string, Located<EvidenceRow>[]>();
		for (const r of rows) {
			if (checkRow(ctx, units, q, r) && !conflicting.has(r)) {
				// In place rather than copied: a million rows, two objects fewer each.
				(r.value as Evidence).quarter = quarter;
				evidence.push(r as Located<Evidence>);
				const e = r.value;
				if (!isPlaceholder(e) && (e.kind ?? q.kinds.get(e.indicatorId)?.implied) === 'judged') {
					const k = `${e.unitId}\u0000${e.indicatorId}`;
					const same = judged.get(k);
					if (same) same.push(r);
					else judged.set(k, [r]);
				}
			} else ctx.markInvalid(r);
		}
		checkJudgedOnce(ctx, judged);
	}
	const ids = ctx.unique(evidence, ['id'], '记录编号');
	evidence.length = 0;
	for (const r of ids) {
		if (!isPlaceholder(r.value)) evidence.push(r);
		else ctx.markPlaceholder(r);
	}
	return evidence;
}

/**
 * An indicator judged twice in a quarter for one unit counts its latest 评分 (by date, then 记录编号, as scoring reads
 * them): each earlier row is published but counts for nothing, which the office is told at the row (a rescoring
 * meant to replace it, or a row meant for another unit or indicator).
 */
function checkJudgedOnce(ctx: CheckContext, judged: ReadonlyMap<string, Located<EvidenceRow>[]>): void {
	for (const rows of judged.values()) {
		if (rows.length < 2) continue;
		const order = [...rows].sort((a, b) => inDateOrder(a.value, b.value));
		const counted = order[order.length - 1];
		for (const r of order.slice(0, -1))
			ctx.at(
				r,
				'points',
				'judged-twice',
				`单位 ${quoteValue(r.value.unitId)} 的指标 ${r.value.indicatorId} 本季度有 ${rows.length} 行评分，只计日期最晚（同一天时记录编号最大）的一行（第 ${counted.line} 行，${counted.value.id}）：这一行不计分`,
				'warning',
			);
	}
}

/**
 * A 无 row says a unit had nothing to report for an indicator in the quarter: a fact for the same unit and indicator
 * in the same file contradicts it. Reported on the 无 row, naming the fact's line.
 */
function checkNoneAlone(ctx: CheckContext, rows: readonly Located<EvidenceRow>[]): Set<Located<EvidenceRow>> {
	const conflicting = new Set<Located<EvidenceRow>>();
	const none = rows.filter((r) => r.value.kind === 'none');
	// Stryker disable next-line ConditionalExpression: a shortcut; with no 无 row nothing below finds a conflict.
	if (!none.length) return conflicting;
	const cell = (e: EvidenceRow) => `${e.unitId}\u0000${e.indicatorId}`;
	const facts = new Map<string, Located<EvidenceRow> | undefined>(
		none.map((r) => [cell(r.value), undefined]),
	);
	for (const r of rows) {
		if (r.value.kind === 'none' || isPlaceholder(r.value)) continue;
		const k = cell(r.value);
		if (facts.has(k) && !facts.get(k)) facts.set(k, r);
	}
	for (const r of none) {
		const fact = facts.get(cell(r.value));
		if (!fact) continue;
		conflicting.add(r);
		ctx.at(
			r,
			'kind',
			'kind-conflict',
			`类型为"无"表示单位 ${r.value.unitId} 本季度指标 ${r.value.indicatorId} 没有可报的事实，但第 ${fact.line} 行记录了一条：删去其中一行`,
		);
	}
	return conflicting;
}

/** A quarter's dates, and its year's rubric with each indicator's kinds. */
function quarterOf(quarter: QuarterId, rubrics: Map<number, Rubric>): Quarter {
	const year = Number(quarter.slice(0, 4));
	const rubric = rubrics.get(year);
	return {
		id: quarter,
		year,
		first: quarterStart(quarter),
		last: quarterEnd(quarter),
		rubric,
		indicators: new Map(rubric?.indicators.map((i) => [i.id, i])),
		kinds: new Map(rubric?.indicators.map((i) => [i.id, kindsOf(i.rule)])),
		// Stryker disable next-line LogicalOperator,ArrayDeclaration: without a rubric no indicator is looked up, so nothing is suggested.
		suggest: suggester(rubric?.indicators.map((i) => i.id) ?? []),
	};
}

/** Checks one evidence row; true when it is valid (a known unit that exists in the quarter, a rubric, no error). */
function checkRow(ctx: CheckContext, units: Units, q: Quarter, r: Located<EvidenceRow>): boolean {
	const e = r.value;
	const before = ctx.errorCount;
	const unit = unitRef(ctx, units, r, 'unitId');
	const ind = q.indicators.get(e.indicatorId);
	if (q.rubric && !ind)
		ctx.at(
			r,
			'indicatorId',
			'foreign-key',
			`指标编号 ${quoteValue(e.indicatorId)} 不在 rubrics/${q.year}.json 中${didYouMean(q.suggest(e.indicatorId))}`,
		);
	if (unit && ind && !ind.appliesTo.includes(unit.category))
		ctx.at(
			r,
			'indicatorId',
			'not-applicable',
			`指标 ${ind.id}「${ind.title}」不适用于${categoryLabel(unit.category)}单位（适用于：${ind.appliesTo.map(categoryLabel).join('、')}）`,
		);
	if (unit && !existsBetween(unit, q.first, q.last))
		ctx.at(r, 'unitId', 'unit-inactive', inactiveMessage(unit, q.id, !!unit.to && unit.to <= q.first));
	const blank = isPlaceholder(e);
	// A 无 row records that nothing happened: it needs no date, 事项 or 来源 (a date it has must lie in the quarter).
	const none = e.kind === 'none';
	if (!blank) {
		if (!e.date) {
			if (!none) ctx.at(r, 'date', 'required', '"日期" 不能为空');
		} else if (e.date < q.first || e.date > q.last)
			ctx.at(r, 'date', 'out-of-period', `日期 ${e.date} 不在 ${q.id}（${q.first} 至 ${q.last}）内`);
		// A unit set up or dissolved during the quarter is evaluated for it, but not for a day it did not exist: a
		// row dated after a merger is most likely the unit it merged into's (its points or deduction went to the
		// wrong unit). A warning, not an error: the seeds do not say, and the row is counted as written.
		else if (unit && !none && !existsOn(unit, e.date) && existsBetween(unit, q.first, q.last))
			ctx.at(
				r,
				'date',
				'unit-inactive-day',
				`${inactiveMessage(unit, e.date, !!unit.to && unit.to <= e.date)}；这一行仍计入它 ${q.id} 的得分`,
				'warning',
			);
		if (!e.what && !none) ctx.at(r, 'what', 'required', '"事项" 不能为空：写明做了什么或发生了什么');
		if (!e.source && !none)
			ctx.at(r, 'source', 'required', '"来源" 不能为空：写明数据来源（如 信用办、法院、纪委、网信办）');
	}
	// A row that names a 失信 record is the deduction it cost: of kind 扣分. Said here, of the row alone, rather than
	// with the record's other checks (`checkEvidenceRecords`), so a row refused for its unit is said to be wrong too.
	if (e.dishonestyId && !blank && e.kind !== 'incident')
		ctx.at(r, 'dishonestyId', 'kind-mismatch', `只有类型为“扣分”的记录才对应失信记录，本行不是扣分记录`);
	if (ind && !blank) checkKind(ctx, r, ind, q.kinds.get(ind.id)!);
	return unit !== undefined && q.rubric !== undefined && ctx.errorCount === before;
}

/** Checks that a fact's kind fits its indicator's rule, and the 得分 and 数量 that kind takes. */
function checkKind(ctx: CheckContext, r: Located<EvidenceRow>, ind: Indicator, kinds: Kinds): void {
	const e = r.value;
	const rule = ind.rule;
	const kind = e.kind ?? kinds.implied;
	// Stryker disable next-line ConditionalExpression: only 事项 rules have a source, so asking the kind first changes nothing.
	if (rule.kind === 'commitmentCoverage' || (rule.kind === 'perItem' && rule.source === 'pledges'))
		ctx.at(
			r,
			'indicatorId',
			'computed-indicator',
			`指标 ${ind.id}「${ind.title}」由${rule.kind === 'commitmentCoverage' ? '公开承诺' : '企业信用承诺'}数据自动计算，不要在评价记录中填写`,
		);
	else if (!kind || !kinds.allowed.includes(kind))
		ctx.at(
			r,
			'kind',
			'kind-mismatch',
			`指标 ${ind.id} 的记录类型只能是：${kinds.allowed.map((k) => KIND_LABEL[k]).join('、')}`,
		);
	if (kind === 'judged') {
		if (e.points === undefined)
			ctx.at(r, 'points', 'required', `评分类指标 ${ind.id} 要填写"得分"（0～${ind.max}）`);
		else if (e.points < 0 || e.points > ind.max)
			ctx.at(r, 'points', 'out-of-range', `得分 ${e.points} 超出指标 ${ind.id} 的范围 0～${ind.max}`);
		if (!e.reason) ctx.at(r, 'reason', 'reason-required', `评分类指标 ${ind.id} 必须写明评分理由`);
	} else if (e.points !== undefined)
		ctx.at(
			r,
			'points',
			'points-not-allowed',
			`只有评分类指标填写"得分"；${ind.id} 的分值按规则计算，请清空此格`,
		);
	if (kind === 'done' && e.count !== undefined && e.count !== 1)
		ctx.at(r, 'count', 'out-of-range', '"完成" 类记录的数量只能是 1 或空');
	if (kind === 'none' && e.count !== undefined)
		ctx.at(r, 'count', 'out-of-range', '类型为"无"的记录不填"数量"：它表示本季度没有可报的事实');
}

/**
 * The kinds of row a rule reads: 完成 for done, 事项 for items counted from evidence, 评分 for judged, 完成 (a 信用村
 * accepted) and 事项 (new 诚信户) for 诚信镇创建, and 扣分 for any rule with deductions; and 无, "nothing to report",
 * for every rule scored from evidence.
 */
export function kindsOf(rule: Rule): Kinds {
	const implied: EvidenceKind | undefined =
		rule.kind === 'done'
			? 'done'
			: rule.kind === 'perItem'
				? 'item'
				: rule.kind === 'judged'
					? 'judged'
					: rule.kind === 'deduction'
						? 'incident'
						: undefined;
	const allowed: EvidenceKind[] = [];
	if (rule.kind === 'done') allowed.push('done');
	// Stryker disable next-line ConditionalExpression: only 事项 rules have a source, so asking the kind first changes nothing.
	if (rule.kind === 'perItem' && rule.source === 'evidence') allowed.push('item');
	if (rule.kind === 'judged') allowed.push('judged');
	if (rule.kind === 'creditTown') allowed.push('done', 'item');
	// Stryker disable next-line LogicalOperator: the rubric schema leaves out a deduction a rule does not have, so having the key is having one.
	if (rule.kind === 'deduction' || ('deduction' in rule && rule.deduction)) allowed.push('incident');
	if (allowed.length) allowed.push('none');
	return { implied, allowed };
}
