/**
 * Releases: which quarters are public, whether a quarter is complete enough to release, and the grade swings a
 * release should be looked at twice for. Pure functions over validated rows and score results.
 *
 * A quarter's results are public from its release date (`releases/releases.csv`), and only then: before it the
 * quarter is a draft, scored for the office's preview and published nowhere (seed 002 三(五): results are reported to
 * the units and the leadership, and "适时向“信用淮安区”网站公开" — published when the office decides).
 */
import type { Indicator, Rubric } from '../schemas/rubric.ts';
import type { UnitRow } from '../schemas/unit.ts';
import type { ReleaseRow } from '../schemas/release.ts';
import type { EvidenceRow } from '../schemas/evidence.ts';
import { addQuarters, type QuarterId } from './quarters.ts';
import type { Grade, QuarterResult, UnitResult } from './scoring/score.ts';
import { unitExistsIn } from './scoring/score.ts';

/** A public quarter's release: when and by which document its results were published. */
export interface Release {
	quarter: QuarterId;
	releasedOn: string;
	docNumber: string;
	note?: string;
	/** `sha256:` of the release snapshot (`releases/<季度>.json`), when the release is sealed. */
	fingerprint?: string;
}

/**
 * The quarters public on the as-of date, by quarter: released on or before it. A release dated later is scheduled:
 * its quarter stays a draft until that day.
 */
export function publicReleases(rows: readonly ReleaseRow[], asOf: string): Map<QuarterId, Release> {
	const out = new Map<QuarterId, Release>();
	for (const r of rows)
		if (r.releasedOn <= asOf)
			out.set(r.quarter, {
				quarter: r.quarter,
				releasedOn: r.releasedOn,
				docNumber: r.docNumber,
				...(r.note ? { note: r.note } : {}),
				...(r.fingerprint ? { fingerprint: r.fingerprint } : {}),
			});
	return out;
}

/**
 * Whether an indicator is scored from evidence rows the office types for each unit (and so needs one in a released
 * quarter). The commitment-coverage and pledge indicators are computed from their own registers.
 */
export function needsEvidence(ind: Indicator): boolean {
	return (
		// Stryker disable next-line ConditionalExpression: only perItem rules have a source, so the kind test is implied by it.
		ind.rule.kind !== 'commitmentCoverage' && !(ind.rule.kind === 'perItem' && ind.rule.source === 'pledges')
	);
}

/** The cells a released quarter still lacks: for each unit, the applicable indicators with no row. */
export interface MissingCells {
	unitId: string;
	indicators: string[];
}

/**
 * The unit × indicator cells of a quarter with no evidence row: every unit that exists during the quarter needs, for
 * every evidence indicator that applies to its category, at least one row — a fact, or an explicit "无" row saying
 * there was nothing to report. A blank pre-filled row does not count.
 */
export function missingCells(
	q: QuarterId,
	rubric: Rubric,
	units: readonly UnitRow[],
	rows: readonly Pick<EvidenceRow, 'unitId' | 'indicatorId'>[],
): MissingCells[] {
	const have = new Set(rows.map((r) => `${r.unitId}\u0000${r.indicatorId}`));
	const indicators = rubric.indicators.filter(needsEvidence);
	const out: MissingCells[] = [];
	for (const u of units) {
		if (!unitExistsIn(u, q)) continue;
		const missing = indicators
			.filter((i) => i.appliesTo.includes(u.category) && !have.has(`${u.id}\u0000${i.id}`))
			.map((i) => i.id);
		if (missing.length) out.push({ unitId: u.id, indicators: missing });
	}
	return out;
}

const GRADE_RANK: Record<Grade, number> = { red: 0, blue: 1, yellow: 2 };

/** A unit whose grade moved between two quarters. */
export interface Swing {
	unit: UnitResult;
	from: Grade;
}

/**
 * The units whose grade differs from the previous calendar quarter's, when that quarter was released, and whether
 * they are more than a quarter of the units scored in both: a release that moves that many deserves a second look
 * before it goes public (a half-filled file once made 58 units 黄名单).
 */
export function gradeSwings(
	cur: QuarterResult,
	released: ReadonlyMap<QuarterId, QuarterResult>,
): { previous?: QuarterId; swings: Swing[]; compared: number; many: boolean } {
	const previous = addQuarters(cur.quarter, -1);
	const prev = released.get(previous);
	if (!prev) return { swings: [], compared: 0, many: false };
	const before = new Map(prev.units.map((u) => [u.id, u.grade]));
	const both = cur.units.filter((u) => before.has(u.id));
	const swings = both
		.filter((u) => GRADE_RANK[u.grade] !== GRADE_RANK[before.get(u.id)!])
		.map((u) => ({ unit: u, from: before.get(u.id)! }));
	return { previous, swings, compared: both.length, many: swings.length * 4 > both.length };
}

/**
 * The warning a quarter's grade swings deserve, or undefined: when more than a quarter of the units compared with the
 * previous (released) quarter change grade, one line naming each of them, e.g. `甲镇 蓝名单 → 黄名单`.
 * @param label how the quarter is introduced (`2024-Q1（草稿）`)
 */
export function swingWarning(
	label: string,
	s: ReturnType<typeof gradeSwings>,
	gradeLabel: Record<Grade, string>,
): string | undefined {
	if (!s.many) return undefined;
	const names = s.swings.map((w) => `${w.unit.name} ${gradeLabel[w.from]} → ${gradeLabel[w.unit.grade]}`);
	return `警告：${label}与 ${s.previous} 相比，${s.compared} 个单位中有 ${s.swings.length} 个等次变化，超过四分之一，发布前请再核对评价记录是否填全、填对：${names.join('；')}`;
}
