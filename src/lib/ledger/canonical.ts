/**
 * A released quarter's results in canonical form: what `npm run release` writes to `releases/<YYYY-Qn>.json` at
 * release, whose SHA-256 is the release's fingerprint (结果指纹, `releases/releases.csv`), and what every later build
 * recomputes and compares with it (`ledger.ts`): a released quarter's results never change without a correction
 * entry (SPEC 1 "Releases"; issue 18).
 *
 * What it holds is the judgement the office published, and nothing that changes when no judgement does. It is a
 * projection of the published grades file (`/data/grades/<q>.json`, `src/lib/opendata/csv.ts` gradesJson), with the same
 * field names, so anyone can make it from that file:
 *
 * - in: `quarter` and `rubric`; per unit `id`, `category` (it decides which indicators apply and whom the unit is
 *   ranked against), `score`, `grade`, `rank`, `maxPoints` (Σ max of the applicable indicators: a rubric edit shows
 *   here), `points` (every indicator's points) and the `grade` of each override (a 失信 record capping the grade);
 * - out: `asOf` (the build's date, not the quarter's); `releasedOn` and `docNumber` (they are the release record
 *   itself, which holds the fingerprint); the unit's `name` (names are corrected retroactively in unit-names.csv, and
 *   a name is not a judgement); `change` (the difference from the previous quarter, which a correction of that
 *   quarter or its later release changes); an override's `reason` and `recordId` and the unit's `records` (once a
 *   record is repaired its id and wording are replaced in every published file, 信用修复管理办法; the grade it set
 *   stays, and is here); `evidence` (which rows a score rests on is the record, not the result: the rows are published
 *   beside it, and a row that changes a point changes `points`).
 *
 * Units are sorted by id and each object's keys are written in one fixed order, so the same results always give the
 * same bytes.
 */
// @noble/hashes rather than node:crypto: the office page's worker runs this module (through the validator's release
// check) in the browser, where node:crypto does not exist and SubtleCrypto is asynchronous.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { QuarterResult } from '../scoring/score.ts';
import type { Grade, UnitCategory } from '../../schemas/enums.ts';
import type { QuarterId } from '../quarters.ts';

/** One unit's published judgement in a quarter. */
export interface CanonicalUnit {
	id: string;
	category: UnitCategory;
	score: number;
	grade: Grade;
	rank: number;
	maxPoints: number;
	/** Indicator id → points, in indicator-id order. */
	points: Record<string, number>;
	/** The grade each 失信 override set (at most one). */
	overrides: { grade: Grade }[];
}

/** A quarter's published results in canonical form. */
export interface CanonicalQuarter {
	quarter: QuarterId;
	/** The rubric year, as the grades file writes it (`"2023"`). */
	rubric: string;
	units: CanonicalUnit[];
}

/** Orders indicator ids as people number them: `1.2` before `1.10`. */
export function compareIndicatorIds(a: string, b: string): number {
	const pa = a.split('.');
	const pb = b.split('.');
	for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
		if (pa[i] === undefined) return -1;
		if (pb[i] === undefined) return 1;
		const na = Number(pa[i]);
		const nb = Number(pb[i]);
		const d =
			Number.isFinite(na) && Number.isFinite(nb) ? na - nb : pa[i] < pb[i] ? -1 : pa[i] > pb[i] ? 1 : 0;
		if (d) return d;
	}
	return 0;
}

/** A unit in canonical form: the fields in their fixed order, points in indicator-id order. */
export function canonicalUnit(
	u: Omit<CanonicalUnit, 'overrides'> & { overrides: readonly { grade: Grade }[] },
): CanonicalUnit {
	return {
		id: u.id,
		category: u.category,
		score: u.score,
		grade: u.grade,
		rank: u.rank,
		maxPoints: u.maxPoints,
		points: Object.fromEntries(
			Object.keys(u.points)
				.sort(compareIndicatorIds)
				.map((k) => [k, u.points[k]]),
		),
		overrides: u.overrides.map((o) => ({ grade: o.grade })),
	};
}

/** A scored quarter in canonical form. */
export function canonicalQuarter(q: Pick<QuarterResult, 'quarter' | 'rubric' | 'units'>): CanonicalQuarter {
	return {
		quarter: q.quarter,
		rubric: String(q.rubric),
		units: q.units.map(canonicalUnit).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
	};
}

/** The bytes of the canonical file: JSON with one-space indentation and a final newline, UTF-8 without BOM. */
export function canonicalText(c: CanonicalQuarter): string {
	return `${JSON.stringify(c, null, 1)}\n`;
}

/** A SHA-256 as the release record and the data package write it: `sha256:<hex>`. */
export const sha256Label = (hex: string): string => `sha256:${hex}`;

/** `sha256:<hex>` of bytes, as the release record and the data package write a hash. */
export function fingerprintOf(bytes: Uint8Array | string): string {
	return sha256Label(bytesToHex(sha256(typeof bytes === 'string' ? utf8ToBytes(bytes) : bytes)));
}
