/**
 * Open data shapes (SPEC "Public URLs and open data"): what anyone can download to recompute every score.
 * Each JSON file has a CSV twin with the same rows, UTF-8 with BOM so that Excel and WPS open it correctly.
 */
import Papa from 'papaparse';
import type { QuarterResult } from './scoring/score.ts';

/** `/data/grades/<YYYY-Qn>.json`. */
export function gradesJson(q: QuarterResult, asOf: string) {
	return {
		quarter: q.quarter,
		rubric: String(q.rubric),
		asOf,
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
			overrides: u.overrides.map((o) => ({ grade: o.grade, reason: o.reason })),
			records: u.records,
			evidence: Object.fromEntries(u.indicators.map((i) => [i.id, i.evidence])),
		})),
	};
}

/** CSV text with a UTF-8 BOM; values that are arrays are joined with "、", objects are JSON. */
export function toCsv(rows: readonly Record<string, unknown>[], columns: readonly string[]): string {
	const data = rows.map((r) =>
		columns.map((c) => {
			const v = r[c];
			if (v === undefined || v === null) return '';
			if (Array.isArray(v)) return v.join('、');
			if (typeof v === 'object') return JSON.stringify(v);
			return String(v);
		}),
	);
	return '\uFEFF' + Papa.unparse({ fields: [...columns], data }, { newline: '\r\n' }) + '\r\n';
}

/** The CSV twin of a grades file: one row per unit, one column per indicator's points. */
export function gradesCsv(q: QuarterResult, indicatorIds: readonly string[]): string {
	const rows = q.units.map((u) => ({
		quarter: q.quarter,
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
