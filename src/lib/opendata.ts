/**
 * Open data shapes (SPEC "Public URLs and open data"): what anyone can download to recompute every score.
 * Each JSON file has a CSV twin with the same rows, UTF-8 with BOM so that Excel and WPS open it correctly.
 */
import type { QuarterResult, UnitResult } from './scoring/score.ts';
import type { PublicOverride } from './dishonesty/public.ts';
import type { Release } from './releases.ts';

/** A quarter's results in their public form (`src/lib/site/quarters.ts`): overrides by public record id and wording. */
type PublicQuarter = Omit<QuarterResult, 'units'> & {
	units: (Omit<UnitResult, 'overrides'> & { overrides: PublicOverride[] })[];
	release: Release;
};

/** `/data/grades/<YYYY-Qn>.json`. */
export function gradesJson(q: PublicQuarter, asOf: string) {
	return {
		quarter: q.quarter,
		rubric: String(q.rubric),
		asOf,
		releasedOn: q.release.releasedOn,
		docNumber: q.release.docNumber,
		units: q.units.map((u) => ({
			id: u.id,
			name: u.name,
			category: u.category,
			score: u.score,
			grade: u.grade,
			rank: u.rank,
			change: u.change,
			maxPoints: u.maxPoints,
			points: u.points,
			overrides: u.overrides.map((o) => ({ grade: o.grade, reason: o.reason, recordId: o.recordId })),
			records: u.records,
			evidence: Object.fromEntries(u.indicators.map((i) => [i.id, i.evidence])),
		})),
	};
}

/** What makes a CSV cell need quotes: a comma, a quote, a line break or a BOM, or a space at either end. */
const NEEDS_QUOTES = /[,"\r\n\uFEFF]|^ | $/;

/**
 * One CSV cell, exactly as papaparse's `unparse` writes it (which this replaced: at city scale the open data is a
 * million rows, and papaparse took five seconds of the build): quotes doubled, and the cell quoted when it needs it.
 */
export function csvCell(s: string): string {
	const escaped = s.includes('"') ? s.replaceAll('"', '""') : s;
	return NEEDS_QUOTES.test(s) ? `"${escaped}"` : escaped;
}

/** CSV text with a UTF-8 BOM and CRLF line ends; values that are arrays are joined with "、", objects are JSON. */
export function toCsv(rows: readonly Record<string, unknown>[], columns: readonly string[]): string {
	const lines = [columns.map(csvCell).join(',')];
	for (const r of rows) {
		let line = '';
		for (let i = 0; i < columns.length; i++) {
			const v = r[columns[i]];
			const s =
				v === undefined || v === null
					? ''
					: Array.isArray(v)
						? v.join('、')
						: typeof v === 'object'
							? JSON.stringify(v)
							: String(v);
			line += (i ? ',' : '') + csvCell(s);
		}
		lines.push(line);
	}
	// papaparse wrote an empty line under the header of a file without rows; kept, so no published file changes.
	if (rows.length === 0) lines.push('');
	return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** The CSV twin of a grades file: one row per unit, one column per indicator's points. */
export function gradesCsv(q: PublicQuarter, indicatorIds: readonly string[]): string {
	const rows = q.units.map((u) => ({
		quarter: q.quarter,
		releasedOn: q.release.releasedOn,
		docNumber: q.release.docNumber,
		id: u.id,
		name: u.name,
		category: u.category,
		score: u.score,
		grade: u.grade,
		rank: u.rank,
		change: u.change,
		maxPoints: u.maxPoints,
		...Object.fromEntries(indicatorIds.map((id) => [`points.${id}`, u.points[id]])),
		overrides: u.overrides.map((o) => `${o.grade}：${o.reason}`).join('；'),
	}));
	return toCsv(rows, [
		'quarter',
		'releasedOn',
		'docNumber',
		'id',
		'name',
		'category',
		'score',
		'grade',
		'rank',
		'change',
		'maxPoints',
		...indicatorIds.map((i) => `points.${i}`),
		'overrides',
	]);
}
