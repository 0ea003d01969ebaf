/**
 * The scoring engine of seed 002 (政务诚信建设综合信用评价): pure functions from the validated data to each quarter's
 * points, scores, grades, ranks and changes. The site, the `score` command and the tests all call this module and
 * nothing else computes a score.
 */
import type { Indicator, Rubric } from '../../schemas/rubric.ts';
import {
	DISHONESTY_KINDS,
	GRADES,
	labelsOf,
	SEVERITIES,
	UNIT_CATEGORY_CODES,
	type Grade,
	type UnitCategory,
} from '../../schemas/enums.ts';
import type { UnitRow, UnitNameRow } from '../../schemas/unit.ts';
import type { DishonestyRow } from '../../schemas/dishonesty.ts';
import type { CommitmentRow, CommitmentUpdateRow } from '../../schemas/commitment.ts';
import type { PledgeRow } from '../../schemas/pledge.ts';
import type { EvidenceRow } from '../../schemas/evidence.ts';
import {
	addQuarters,
	quarterEnd,
	quarterIndex,
	quarterLabel,
	quarterOf,
	quarterStart,
	type QuarterId,
} from '../quarters.ts';
import { addDays } from '../calendar/workdays.ts';
import { nameInQuarter } from '../units/names.ts';

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
	/**
	 * The quarters whose results are public. A unit's change is measured against the previous calendar quarter only
	 * when that quarter is among them (SPEC 1: "none when that quarter was not released"); all quarters when absent.
	 */
	released?: ReadonlySet<QuarterId>;
}

export type { Grade };

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

/**
 * Which rule of seed 002 三(二) a 失信 record brings to bear: `red-needs-no-record` (红名单 requires "单位无失信行为":
 * at most blue), `severe` ("严重的直接列入黄名单"), `major` and `breach` (蓝名单 requires "单位无违约或较重失信行为":
 * yellow).
 */
export type OverrideCause = 'red-needs-no-record' | 'severe' | 'major' | 'breach';

/** A grade override and why (SPEC 1: 失信 records cap or force the grade). */
export interface Override {
	grade: Grade;
	reason: string;
	/** The 失信 record that caused it. */
	recordId: string;
	cause: OverrideCause;
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
	/**
	 * Score minus the unit's score in the previous calendar quarter; null when that quarter was not released or the
	 * unit was not scored in it (shown as 无).
	 */
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
 * @see src/docs/rules/spec.md Score
 */
export function normalisedScore(total: number, maxPoints: number): number {
	if (maxPoints <= 0) return 0;
	const p = Math.round(total * 100);
	const m = Math.round(maxPoints * 100);
	// Stryker disable next-line EqualityOperator: at p = 0 the formula below gives floor(m / 2m) = 0 as well.
	if (p <= 0) return 0;
	// score × 10 = round(1000 p / m), half up: floor((2·1000p + m) / 2m).
	const tenths = Math.floor((2000 * p + m) / (2 * m));
	return Math.min(1000, tenths) / 10;
}

/** The grade a score gives: red ≥ thresholds.red (85), blue ≥ thresholds.blue (60), else yellow (seed 002 三(二)). */
export function gradeOf(score: number, thresholds: { red: number; blue: number }): Grade {
	return score >= thresholds.red ? 'red' : score >= thresholds.blue ? 'blue' : 'yellow';
}

const GRADE = labelsOf(GRADES);
const SEVERITY = labelsOf(SEVERITIES);
const KIND = labelsOf(DISHONESTY_KINDS);
/** Grades from best to worst, for "at most": a grade is lowered, never raised. */
const GRADE_ORDER = Object.fromEntries(GRADES.map((g, i) => [g.value, i])) as Record<Grade, number>;

/**
 * Whether a 失信 record weighs on a quarter: from the quarter of its date up to and including the quarter of its
 * repair; "a repaired record stops counting from the quarter after repair" (SPEC 1).
 */
export function recordActiveIn(r: Pick<DishonestyRow, 'date' | 'repairedOn'>, q: QuarterId): boolean {
	if (quarterIndex(quarterOf(r.date)) > quarterIndex(q)) return false;
	return !r.repairedOn || quarterIndex(quarterOf(r.repairedOn)) >= quarterIndex(q);
}

/** The 失信 rules of seed 002 三(二), most serious first; `cap` is the best grade a unit with such a record can have. */
export const OVERRIDE_RULES: readonly { cause: OverrideCause; cap: Grade; rule: string }[] = [
	{
		cause: 'severe',
		cap: 'yellow',
		rule: `严重失信，直接列入${GRADE.yellow}（附件1 注2：“严重的直接列入黄名单”）`,
	},
	{ cause: 'major', cap: 'yellow', rule: `${GRADE.blue}须“单位无违约或较重失信行为”，列入${GRADE.yellow}` },
	{ cause: 'breach', cap: 'yellow', rule: `${GRADE.blue}须“单位无违约或较重失信行为”，列入${GRADE.yellow}` },
	{
		cause: 'red-needs-no-record',
		cap: 'blue',
		rule: `${GRADE.red}须“单位无失信行为”，至多列入${GRADE.blue}`,
	},
];

/**
 * Which rule a 失信 record brings to bear while it is active: 严重 (any kind) → `severe`; 较重 (any kind) → `major`;
 * 一般 违约 → `breach`; 一般 失信 → `red-needs-no-record`.
 */
export function recordCause(r: Pick<DishonestyRow, 'severity' | 'kind'>): OverrideCause {
	if (r.severity === 'severe') return 'severe';
	if (r.severity === 'major') return 'major';
	return r.kind === 'breach' ? 'breach' : 'red-needs-no-record';
}

/** The best grade a unit can have while the record is active (the cap of its rule). */
export function recordCap(r: Pick<DishonestyRow, 'severity' | 'kind'>): Grade {
	const cause = recordCause(r);
	return OVERRIDE_RULES.find((x) => x.cause === cause)!.cap;
}

/** A record as the office and an unrepaired record's 公示 name it: `2023-05-18 较重违约记录 SX-2023-002（事由）`. */
export const describeRecord = (r: DishonestyRow) =>
	`${r.date} ${SEVERITY[r.severity]}${KIND[r.kind]}记录 ${r.id}（${r.what}）`;

/**
 * Applies the 失信 overrides of seed 002 三(二) to a score grade.
 *
 * - 红名单 requires "单位无失信行为" (三(二)1): any active record → at most blue.
 * - 蓝名单 requires "单位无违约或较重失信行为" (三(二)2). Read plainly, the clause names two things a blue unit has none
 *   of: 违约 (breach of contract, whatever its severity) and 较重失信 (dishonesty of at least 较重). So an active 违约
 *   record of any severity, or an active 较重 or 严重 record of any kind, rules out blue; red is already ruled out by
 *   the record, so the unit is yellow. The office took this reading (SPEC 1, issue 16).
 * - "严重的直接列入黄名单" (附件1 注2; 三(二)3 "本单位存在严重失信行为"): 严重 → yellow whatever the score.
 *
 * Only an override that changes the grade is returned, one at most, naming the record that decides: the most serious
 * (严重, then 较重, then 一般违约, then 一般失信), of those the earliest (date, then id). `records` are the unit's
 * records active in the quarter (`recordActiveIn`).
 * @see src/docs/rules/002-quarterly-evaluation.md 三(二) 1–3 and 附件1 注2
 */
export function applyOverrides(
	scoreGrade: Grade,
	records: readonly DishonestyRow[],
): { grade: Grade; overrides: Override[] } {
	const seriousness = (r: DishonestyRow) => OVERRIDE_RULES.findIndex((x) => x.cause === recordCause(r));
	const decisive = [...records].sort(
		(a, b) =>
			seriousness(a) - seriousness(b) ||
			// Stryker disable next-line ConditionalExpression,EqualityOperator: V8's sort asks only whether the result is below 0, so the 1 or 0 after -1 is the same answer; ids are unique.
			(a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
	)[0];
	if (!decisive) return { grade: scoreGrade, overrides: [] };
	const rule = OVERRIDE_RULES[seriousness(decisive)];
	if (GRADE_ORDER[rule.cap] <= GRADE_ORDER[scoreGrade]) return { grade: scoreGrade, overrides: [] };
	return {
		grade: rule.cap,
		overrides: [
			{
				grade: rule.cap,
				recordId: decisive.id,
				cause: rule.cause,
				reason: `${describeRecord(decisive)}：${rule.rule}`,
			},
		],
	};
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
 * A commitment is in force if made on or before the quarter's last day and not already closed before its first day:
 * 已兑现, 未兑现, or 依法变更, which ends the original promise (src/lib/commitments/status.ts; a changed promise with
 * a new deadline is published as a new commitment, which then covers its category). A 履行中 recorded after the
 * change opens it again.
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
		if (s !== 'in-progress') continue;
		covered.add(c.category);
	}
	return categories.filter((c) => !covered.has(c));
}

const fmt = (x: number) => String(round2(x));

/**
 * Evidence rows of one quarter in the order the latest counts by: by date, and of one day by 记录编号 (ids are unique
 * across all quarters), whatever order the rows come in (the open data lists them by id, the office's file in any
 * order). The validator names the 评分 rows this passes over (`judged-twice`).
 */
export const inDateOrder = (a: { date?: string; id: string }, b: { date?: string; id: string }): number =>
	// Stryker disable next-line ConditionalExpression,EqualityOperator: V8's sort asks only whether the result is below 0, so the 1 or 0 after -1 is the same answer.
	(a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Points of one indicator for one unit and quarter.
 * @see src/docs/rules/002-quarterly-evaluation.md 附件1 for each rule; the rubric file says how each indicator reads it
 */
export function indicatorPoints(
	ind: Indicator,
	q: QuarterId,
	facts: (q: QuarterId) => readonly EvidenceFact[],
	ctx: { pledges: readonly PledgeRow[]; missing: () => string[] },
): IndicatorPoints {
	const rule = ind.rule;
	// Stryker disable next-line LogicalOperator: a parsed rule has validQuarters absent or ≥ 1, where `in` and the value agree.
	const valid = 'validQuarters' in rule && rule.validQuarters ? rule.validQuarters : 1;
	// Stryker disable next-line ArrayDeclaration: a stray string in the window has no kind, date or points, so every rule skips it.
	const window: EvidenceFact[] = [];
	for (let k = valid - 1; k >= 0; k--) window.push(...facts(addQuarters(q, -k)));
	const used: string[] = [];
	let base = 0;
	// Stryker disable next-line StringLiteral: every rule kind of the switch below sets the explanation.
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
				.filter(
					(f) =>
						// Stryker disable next-line ConditionalExpression: the validator refuses 得分 on any row but 评分, so a row with points is one.
						(f.kind ?? 'judged') === 'judged' && f.points !== undefined,
				)
				.sort((a, b) => quarterIndex(a.quarter) - quarterIndex(b.quarter) || inDateOrder(a, b));
			const latest = judged[judged.length - 1];
			if (latest) used.push(latest.id);
			// A judgement carried from an earlier year counts at most this year's maximum: the validator keeps 得分 within
			// the maximum of the row's own year, and a later rubric may lower it (an indicator never gives more than its 满分).
			base = latest ? Math.min(latest.points!, ind.max) : 0;
			explain = latest
				? `评审得分 ${fmt(latest.points!)}${latest.quarter !== q ? `（${quarterLabel(latest.quarter)}认定，仍在 ${valid} 个季度有效期内）` : ''}${base < latest.points! ? `，超过本年满分 ${fmt(ind.max)} 分，按 ${fmt(base)} 分计` : ''}`
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
		case 'creditTown': {
			const r = creditTownPoints(ind.max, rule, window, q);
			base = r.points;
			used.push(...r.evidence);
			explain = r.explain;
			break;
		}
	}
	return finish();

	function finish(): IndicatorPoints {
		// A 无 row scores nothing; it is listed with the points it stands beside, so a reader sees that nothing was
		// reported rather than nothing recorded.
		for (const f of facts(q)) if (f.kind === 'none') used.push(f.id);
		const deduction = 'deduction' in rule ? rule.deduction : undefined;
		let points = base;
		if (deduction) {
			// Deductions count in the quarter of the verified incident only; they are not carried over. A row with no
			// 类型 under a rule of kind deduction is a 扣分 row, as the validator reads it (its only other kind is 无).
			const implied = rule.kind === 'deduction' ? 'incident' : undefined;
			let incidents = 0;
			for (const f of facts(q))
				if ((f.kind ?? implied) === 'incident' && f.date) {
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

/**
 * 诚信镇（街道）创建 (seed 002 附件1 五, a town and park indicator of 20 points). The scanned cell reads:
 *
 * > 镇（街）积极申请开展“诚信镇（街道）”创建工作，建立组织机制和镇（街道）诚信建设实施方案，且每验收一个“信用村（居）”
 * > （含 5 户“诚信户”创建，经经验收合格后，得 20 分）；次季度每新增 5 户“诚信户”得满分，无增加计 5 分；（此项分值有效期至
 * > 次年同月认定的前一季度止；新增创建累计，满分不超 15 分）。
 *
 * How we read it, every number in its place: the quarter a 信用村（居） passes acceptance earns the full 20 ("得 20 分");
 * each later quarter ("次季度") earns 5 for keeping up the scheme ("无增加计 5 分") plus what new 诚信户 add, which
 * accumulates up to 15 ("新增创建累计，满分不超 15 分") — and 5 new 诚信户 already earn it all ("每新增 5 户……得满分":
 * 5 + 15 = 20). Fewer than 5 new 诚信户 add nothing: points come per 5. The acceptance stays good for "至次年同月认定
 * 的前一季度止", four quarters counting its own (as for every other point with that phrase), so the later quarters are
 * the next three; after them the town has 0 until another 信用村（居） is accepted, which starts again at 20.
 *
 * Evidence: an acceptance is a 完成 row (one 信用村（居） accepted on its date); new 诚信户 are 事项 rows whose 数量 is the
 * number of households, counted in the quarter of the row. A year whose rubric scored this indicator by judgement
 * recorded each on-site acceptance as a 评分 row (the demo's 2022–2023 rubrics say so): one with points above 0 is an
 * acceptance on its date, and stays good into the next year as the seed's validity says. The validator allows 得分
 * only on the rows of a judged indicator, so a row with points is one of those.
 * @see src/docs/rules/002-quarterly-evaluation.md 附件1 五「“诚信镇（街道）”创建(20分)」
 */
export function creditTownPoints(
	max: number,
	rule: { households: number; base: number; validQuarters: number },
	window: readonly EvidenceFact[],
	q: QuarterId,
): { points: number; evidence: string[]; explain: string } {
	const accepted = window
		.filter((f) => f.date && (f.kind === 'done' || (f.points ?? 0) > 0))
		.sort((a, b) => quarterIndex(a.quarter) - quarterIndex(b.quarter) || inDateOrder(a, b));
	const latest = accepted[accepted.length - 1];
	if (!latest)
		return {
			points: 0,
			evidence: [],
			explain: `近 ${rule.validQuarters} 个季度没有验收合格的“信用村（居）”，0 分`,
		};
	if (latest.quarter === q)
		return { points: max, evidence: [latest.id], explain: `本季度验收“信用村（居）”合格，得 ${fmt(max)} 分` };
	const added = window.filter((f) => f.quarter === q && f.kind === 'item' && f.date);
	const households = added.reduce((s, f) => s + (f.count ?? 1), 0);
	const full = households >= rule.households;
	return {
		points: full ? max : rule.base,
		evidence: [latest.id, ...added.map((f) => f.id)],
		explain:
			`${quarterLabel(latest.quarter)}验收“信用村（居）”合格（${rule.validQuarters} 个季度内有效）；本季度新增“诚信户” ${households} 户，` +
			(full
				? `满 ${rule.households} 户，得满分 ${fmt(max)} 分`
				: `不足 ${rule.households} 户，计 ${fmt(rule.base)} 分`),
	};
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
	for (const q of quarters) {
		const prevQuarter = addQuarters(q, -1);
		const comparable = !input.released || input.released.has(prevQuarter);
		// What an earlier quarter's rows carry into this one (an acceptance valid four quarters, a judgement valid a
		// year): a public quarter takes them only from public quarters. A draft's rows are not public, so a published
		// result must not rest on them (the page would show them as its basis, and no one could recompute it from the
		// open data); a draft, previewed by the office, takes every earlier quarter's.
		const isPublic = (x: QuarterId) => !input.released || input.released.has(x);
		// (The quarter's own rows: public when it is, and any when it is a draft.)
		const carries = (qq: QuarterId) => !isPublic(q) || isPublic(qq);
		const year = Number(q.slice(0, 4));
		const rubric = input.rubrics.get(year);
		if (!rubric) throw new Error(`没有 ${year} 年的评价指标`);
		const active = input.units.filter((u) => unitExistsIn(u, q));
		const rows: UnitResult[] = active.map((u) => {
			const applicable = rubric.indicators.filter((i) => i.appliesTo.includes(u.category));
			// Stryker disable ArrayDeclaration: a stray string among a unit's evidence, pledges, commitments or updates has no
			// date, kind or id, so every rule skips it (the empty defaults are not observable).
			const indicators = applicable.map((ind) =>
				indicatorPoints(
					ind,
					q,
					(qq) => (carries(qq) ? (evidenceBy.get(`${u.id}\u0000${ind.id}\u0000${qq}`) ?? []) : []),
					{
						pledges: pledgesBy.get(u.id) ?? [],
						missing: () =>
							missingCategories(
								rubric.commitmentCategories,
								commitmentsBy.get(u.id) ?? [],
								(id) => updatesBy.get(id) ?? [],
								q,
							),
					},
				),
			);
			// Stryker restore ArrayDeclaration
			const maxPoints = round2(applicable.reduce((s, i) => s + i.max, 0));
			const totalPoints = round2(indicators.reduce((s, i) => s + i.points, 0));
			const score = normalisedScore(totalPoints, maxPoints);
			const scoreGrade = gradeOf(score, rubric.thresholds);
			const records = (recordsBy.get(u.id) ?? [])
				.filter((r) => recordActiveIn(r, q))
				.sort((a, b) =>
					// Stryker disable next-line EqualityOperator: ids are unique, so < and <= never differ.
					a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1,
				);
			const { grade, overrides } = applyOverrides(scoreGrade, records);
			return {
				id: u.id,
				name: nameInQuarter(input.unitNames, u, q),
				category: u.category,
				score,
				grade,
				scoreGrade,
				rank: 0,
				change:
					comparable && previous.has(`${prevQuarter}/${u.id}`)
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
		for (const cat of UNIT_CATEGORY_CODES) {
			const group = rows.filter((r) => r.category === cat);
			const rk = ranks(group.map((r) => r.score));
			group.forEach((r, i) => (r.rank = rk[i]));
		}
		const order = (c: UnitCategory) => UNIT_CATEGORY_CODES.indexOf(c);
		// Stryker disable next-line EqualityOperator: ids are unique, so < and <= never differ.
		rows.sort((a, b) => order(a.category) - order(b.category) || a.rank - b.rank || (a.id < b.id ? -1 : 1));
		for (const r of rows) previous.set(`${q}/${r.id}`, r.score);
		results.push({ quarter: q, rubric: year, units: rows });
	}
	return results;
}
