/**
 * The scoring engine of seed 002 (政务诚信建设综合信用评价): pure functions from the validated data to each quarter's
 * points, scores, grades, ranks and changes. The site, the `score` command and the tests all call this module and
 * nothing else computes a score.
 */
import type { Indicator, Rubric } from '../../schemas/rubric.ts';
import type { UnitCategory } from '../../schemas/enums.ts';
import type { UnitRow, UnitNameRow } from '../../schemas/unit.ts';
import type { DishonestyRow } from '../../schemas/dishonesty.ts';
import type { CommitmentRow, CommitmentUpdateRow } from '../../schemas/commitment.ts';
import type { PledgeRow } from '../../schemas/pledge.ts';
import type { EvidenceRow } from '../../schemas/evidence.ts';
import {
	addQuarters,
	quarterEnd,
	quarterIndex,
	quarterOf,
	quarterStart,
	type QuarterId,
} from '../quarters.ts';
import { addDays } from '../calendar/workdays.ts';

/** An evidence row with its quarter. */
export type EvidenceFact = EvidenceRow & { quarter: QuarterId };

/** Everything scoring reads. */
export interface ScoringInput {
	rubrics: ReadonlyMap<number, Rubric>;
	units: readonly UnitRow[];
	unitNames: readonly UnitNameRow[];
	evidence: readonly EvidenceFact[];
	dishonesty: readonly DishonestyRow[];
	commitments: readonly CommitmentRow[];
	commitmentUpdates: readonly CommitmentUpdateRow[];
	pledges: readonly PledgeRow[];
	/** The quarters to score (those the office has published an evidence file for), any order. */
	quarters: readonly QuarterId[];
}

export type Grade = 'red' | 'blue' | 'yellow';

/** Points of one indicator for one unit and quarter, with what they rest on. */
export interface IndicatorPoints {
	id: string;
	max: number;
	points: number;
	/** Evidence row ids counted (for carried-over points, rows of earlier quarters too). */
	evidence: string[];
	/** Pledge ids counted (pledges indicator). */
	pledges?: string[];
	/** Commitment categories with no public commitment this quarter (coverage indicator). */
	missingCategories?: string[];
	/** Plain-Chinese account of the arithmetic, e.g. `7 次 × 1.5 分 = 10.5，封顶 8 分`. */
	explain: string;
}

/** A grade override and why (SPEC 1: 失信 records cap or force the grade). */
export interface Override {
	grade: Grade;
	reason: string;
	/** The 失信 record that caused it. */
	recordId: string;
}

/** One unit's result in one quarter. */
export interface UnitResult {
	id: string;
	/** The unit's name during that quarter. */
	name: string;
	category: UnitCategory;
	score: number;
	grade: Grade;
	/** The grade the score alone would give. */
	scoreGrade: Grade;
	rank: number;
	/** Score minus the previous quarter's score; null when the unit was not scored in the previous quarter. */
	change: number | null;
	/** Σ max of the rubric indicators that apply to the category. */
	maxPoints: number;
	/** Σ points. */
	totalPoints: number;
	points: Record<string, number>;
	indicators: IndicatorPoints[];
	overrides: Override[];
	/** 失信 records weighing on the unit this quarter. */
	records: string[];
}

/** One quarter's results. */
export interface QuarterResult {
	quarter: QuarterId;
	rubric: number;
	units: UnitResult[];
}

/** Rounds to two decimals (points are multiples of 0.5 or typed with at most two decimals). */
const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * `clamp(round1(100 × total ÷ max), 0, 100)` computed in integers (hundredths of a point) so that halves round up
 * exactly as a spreadsheet's ROUND does (84.95 → 85.0), whatever binary floating point would make of it.
 * @see SPEC 1 "Score"
 */
export function normalisedScore(total: number, maxPoints: number): number {
	if (maxPoints <= 0) return 0;
	const p = Math.round(total * 100);
	const m = Math.round(maxPoints * 100);
	if (p <= 0) return 0;
	// score × 10 = round(1000 p / m), half up: floor((2·1000p + m) / 2m).
	const tenths = Math.floor((2000 * p + m) / (2 * m));
	return Math.min(1000, tenths) / 10;
}

/** The grade a score gives: red ≥ thresholds.red (85), blue ≥ thresholds.blue (60), else yellow (seed 002 三(二)). */
export function gradeOf(score: number, thresholds: { red: number; blue: number }): Grade {
	return score >= thresholds.red ? 'red' : score >= thresholds.blue ? 'blue' : 'yellow';
}

const GRADE_ORDER: Record<Grade, number> = { red: 0, blue: 1, yellow: 2 };
export const GRADE_LABEL: Record<Grade, string> = { red: '红名单', blue: '蓝名单', yellow: '黄名单' };
const SEVERITY_LABEL = { minor: '一般', major: '较重', severe: '严重' } as const;

/**
 * Whether a 失信 record weighs on a quarter: from the quarter of its date up to and including the quarter of its
 * repair; "a repaired record stops counting from the quarter after repair" (SPEC 1).
 */
export function recordActiveIn(r: DishonestyRow, q: QuarterId): boolean {
	if (quarterIndex(quarterOf(r.date)) > quarterIndex(q)) return false;
	return !r.repairedOn || quarterIndex(quarterOf(r.repairedOn)) >= quarterIndex(q);
}

/**
 * Applies the 失信 overrides to a score grade. Any active record: at most blue ("单位无失信行为" is a condition of
 * 红名单). A 严重 record, or a 较重 breach of contract: yellow ("严重的直接列入黄名单", 蓝名单 requires
 * "无违约或较重失信行为"). Only overrides that change the grade are returned, each with its reason.
 * @see seeds/002 三(二) 1–3 and 附件1 注2
 */
export function applyOverrides(
	scoreGrade: Grade,
	records: readonly DishonestyRow[],
): { grade: Grade; overrides: Override[] } {
	let grade = scoreGrade;
	const overrides: Override[] = [];
	const describe = (r: DishonestyRow) =>
		`${r.date} ${SEVERITY_LABEL[r.severity]}${r.kind === 'breach' ? '违约' : '失信'}记录 ${r.id}（${r.what}）`;
	const forcing = records.find(
		(r) => r.severity === 'severe' || (r.severity === 'major' && r.kind === 'breach'),
	);
	if (forcing && GRADE_ORDER[grade] < GRADE_ORDER.yellow) {
		grade = 'yellow';
		overrides.push({
			grade,
			recordId: forcing.id,
			reason: `${describe(forcing)}：${forcing.severity === 'severe' ? '严重失信' : '较重违约'}直接列入黄名单`,
		});
	} else if (records.length && grade === 'red') {
		grade = 'blue';
		overrides.push({
			grade,
			recordId: records[0].id,
			reason: `${describe(records[0])}：有失信记录的单位不得列入红名单`,
		});
	}
	return { grade, overrides };
}

/** Rank within a group: 1 + the number with a strictly higher score (ties share a rank: 1, 2, 2, 4). */
export function ranks(scores: readonly number[]): number[] {
	const sorted = [...scores].sort((a, b) => b - a);
	return scores.map((s) => 1 + sorted.findIndex((x) => x === s));
}

/** Whether a unit exists at some time during a quarter. */
export function unitExistsIn(u: UnitRow, q: QuarterId): boolean {
	return (!u.from || u.from <= quarterEnd(q)) && (!u.to || quarterStart(q) < u.to);
}

/** The name a unit had on a date (the name history row covering it; the earliest name before any history). */
export function nameOn(names: readonly UnitNameRow[], unitId: string, date: string): string {
	const own = names.filter((n) => n.unitId === unitId);
	const hit = own.find((n) => (!n.from || n.from <= date) && (!n.to || date <= n.to));
	if (hit) return hit.name;
	const sorted = [...own].sort((a, b) => ((a.from ?? '') < (b.from ?? '') ? -1 : 1));
	return (date < (sorted[0]?.from ?? '') ? sorted[0] : sorted[sorted.length - 1])?.name ?? unitId;
}

/** The status of a commitment at the end of a day: the latest update on or before it (履行中 before any). */
export function commitmentStatusOn(
	updates: readonly CommitmentUpdateRow[],
	date: string,
): CommitmentUpdateRow['status'] {
	let status: CommitmentUpdateRow['status'] = 'in-progress';
	let latest = '';
	for (const u of updates) if (u.date <= date && u.date >= latest) ((latest = u.date), (status = u.status));
	return status;
}

/**
 * The rubric year's commitment categories in which a unit had no public commitment in force during the quarter.
 * A commitment is in force if made on or before the quarter's last day and not already closed (已兑现 or 未兑现)
 * before its first day.
 */
export function missingCategories(
	categories: readonly string[],
	commitments: readonly CommitmentRow[],
	updatesOf: (id: string) => readonly CommitmentUpdateRow[],
	q: QuarterId,
): string[] {
	const covered = new Set<string>();
	const before = addDays(quarterStart(q), -1);
	const end = quarterEnd(q);
	for (const c of commitments) {
		if (c.madeOn > end) continue;
		const s = commitmentStatusOn(updatesOf(c.id), before);
		if (s === 'fulfilled' || s === 'broken') continue;
		covered.add(c.category);
	}
	return categories.filter((c) => !covered.has(c));
}

const fmt = (x: number) => String(round2(x));

/**
 * Points of one indicator for one unit and quarter.
 * @see seeds/002 附件1 for each rule; the rubric file says how each indicator reads it
 */
export function indicatorPoints(
	ind: Indicator,
	q: QuarterId,
	facts: (q: QuarterId) => readonly EvidenceFact[],
	ctx: { pledges: readonly PledgeRow[]; missing: () => string[] },
): IndicatorPoints {
	const rule = ind.rule;
	const valid = 'validQuarters' in rule && rule.validQuarters ? rule.validQuarters : 1;
	const window: EvidenceFact[] = [];
	for (let k = valid - 1; k >= 0; k--) window.push(...facts(addQuarters(q, -k)));
	const used: string[] = [];
	let base = 0;
	let explain = '';
	switch (rule.kind) {
		case 'done': {
			const done = window.filter((f) => (f.kind ?? 'done') === 'done' && f.date);
			if (done.length) used.push(done[done.length - 1].id);
			base = done.length ? ind.max : 0;
			explain = done.length ? `已完成，得 ${fmt(ind.max)} 分` : '未完成，0 分';
			break;
		}
		case 'perItem': {
			let n = 0;
			let pledgeIds: string[] | undefined;
			if (rule.source === 'pledges') {
				// One item per enterprise (by 统一社会信用代码) with a pledge signed within the validity window.
				const from = quarterStart(addQuarters(q, -(valid - 1)));
				const to = quarterEnd(q);
				const inWindow = ctx.pledges.filter((p) => p.signedOn >= from && p.signedOn <= to);
				const byEnterprise = new Map<string, PledgeRow>();
				for (const p of inWindow) if (!byEnterprise.has(p.uscc)) byEnterprise.set(p.uscc, p);
				n = byEnterprise.size;
				pledgeIds = [...byEnterprise.values()].map((p) => p.id);
			} else {
				for (const f of window)
					if ((f.kind ?? 'item') === 'item' && f.date) {
						n += f.count ?? 1;
						used.push(f.id);
					}
			}
			const raw = rule.per * n;
			base = Math.min(rule.cap, raw);
			explain = `${n} ${rule.source === 'pledges' ? '家企业' : '次'} × ${fmt(rule.per)} 分 = ${fmt(raw)}${raw > rule.cap ? `，封顶 ${fmt(rule.cap)} 分` : ' 分'}`;
			const result = finish();
			if (pledgeIds) result.pledges = pledgeIds;
			return result;
		}
		case 'judged': {
			const judged = window
				.filter((f) => (f.kind ?? 'judged') === 'judged' && f.points !== undefined)
				.sort(
					(a, b) =>
						quarterIndex(a.quarter) - quarterIndex(b.quarter) ||
						(a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : 0),
				);
			const latest = judged[judged.length - 1];
			if (latest) used.push(latest.id);
			base = latest ? latest.points! : 0;
			explain = latest
				? `评审得分 ${fmt(base)}${latest.quarter !== q ? `（${latest.quarter} 认定，仍在 ${valid} 个季度有效期内）` : ''}`
				: '无评审得分，0 分';
			break;
		}
		case 'commitmentCoverage': {
			const missing = ctx.missing();
			base = Math.max(0, ind.max - rule.step * missing.length);
			explain = missing.length
				? `缺 ${missing.length} 类（${missing.join('、')}），${fmt(ind.max)} − ${missing.length} × ${fmt(rule.step)} = ${fmt(base)} 分`
				: `各类别均有公开承诺，得 ${fmt(ind.max)} 分`;
			const result = finish();
			result.missingCategories = missing;
			return result;
		}
		case 'deduction':
			explain = '基础 0 分';
			break;
	}
	return finish();

	function finish(): IndicatorPoints {
		const deduction = 'deduction' in rule ? rule.deduction : undefined;
		let points = base;
		if (deduction) {
			// Deductions count in the quarter of the verified incident only; they are not carried over.
			let incidents = 0;
			for (const f of facts(q))
				if (f.kind === 'incident' && f.date) {
					incidents += f.count ?? 1;
					used.push(f.id);
				}
			if (incidents) {
				points = base - deduction.per * incidents;
				explain += `；${deduction.what} ${incidents} 起 × −${fmt(deduction.per)} 分，本项 ${fmt(points)} 分`;
			}
		}
		return { id: ind.id, max: ind.max, points: round2(points), evidence: used, explain };
	}
}

/** Scores every requested quarter. Quarters come back in time order; units by category, then rank, then id. */
export function scoreQuarters(input: ScoringInput): QuarterResult[] {
	const evidenceBy = Map.groupBy(
		input.evidence,
		(e) => `${e.unitId}\u0000${e.indicatorId}\u0000${e.quarter}`,
	);
	const recordsBy = Map.groupBy(input.dishonesty, (r) => r.unitId);
	const commitmentsBy = Map.groupBy(input.commitments, (c) => c.unitId);
	const updatesBy = Map.groupBy(input.commitmentUpdates, (u) => u.commitmentId);
	const pledgesBy = Map.groupBy(input.pledges, (p) => p.unitId);
	const quarters = [...new Set(input.quarters)].sort((a, b) => quarterIndex(a) - quarterIndex(b));
	const results: QuarterResult[] = [];
	const previous = new Map<string, number>();
	let prevQuarter: QuarterId | undefined;
	for (const q of quarters) {
		const year = Number(q.slice(0, 4));
		const rubric = input.rubrics.get(year);
		if (!rubric) throw new Error(`没有 ${year} 年的评价指标`);
		const active = input.units.filter((u) => unitExistsIn(u, q));
		const rows: UnitResult[] = active.map((u) => {
			const applicable = rubric.indicators.filter((i) => i.appliesTo.includes(u.category));
			const indicators = applicable.map((ind) =>
				indicatorPoints(ind, q, (qq) => evidenceBy.get(`${u.id}\u0000${ind.id}\u0000${qq}`) ?? [], {
					pledges: pledgesBy.get(u.id) ?? [],
					missing: () =>
						missingCategories(
							rubric.commitmentCategories,
							commitmentsBy.get(u.id) ?? [],
							(id) => updatesBy.get(id) ?? [],
							q,
						),
				}),
			);
			const maxPoints = round2(applicable.reduce((s, i) => s + i.max, 0));
			const totalPoints = round2(indicators.reduce((s, i) => s + i.points, 0));
			const score = normalisedScore(totalPoints, maxPoints);
			const scoreGrade = gradeOf(score, rubric.thresholds);
			const records = (recordsBy.get(u.id) ?? [])
				.filter((r) => recordActiveIn(r, q))
				.sort((a, b) => (a.date < b.date ? -1 : 1));
			const { grade, overrides } = applyOverrides(scoreGrade, records);
			const lastDay = u.to && u.to <= quarterEnd(q) ? addDays(u.to, -1) : quarterEnd(q);
			return {
				id: u.id,
				name: nameOn(input.unitNames, u.id, lastDay),
				category: u.category,
				score,
				grade,
				scoreGrade,
				rank: 0,
				change:
					prevQuarter && previous.has(`${prevQuarter}/${u.id}`)
						? (Math.round(score * 10) - Math.round(previous.get(`${prevQuarter}/${u.id}`)! * 10)) / 10
						: null,
				maxPoints,
				totalPoints,
				points: Object.fromEntries(indicators.map((i) => [i.id, i.points])),
				indicators,
				overrides,
				records: records.map((r) => r.id),
			};
		});
		for (const cat of ['town', 'park', 'A', 'B'] as const) {
			const group = rows.filter((r) => r.category === cat);
			const rk = ranks(group.map((r) => r.score));
			group.forEach((r, i) => (r.rank = rk[i]));
		}
		const order = { town: 0, park: 1, A: 2, B: 3 };
		rows.sort((a, b) => order[a.category] - order[b.category] || a.rank - b.rank || (a.id < b.id ? -1 : 1));
		for (const r of rows) previous.set(`${q}/${r.id}`, r.score);
		results.push({ quarter: q, rubric: year, units: rows });
		prevQuarter = q;
	}
	return results;
}
