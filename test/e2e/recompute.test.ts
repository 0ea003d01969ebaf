/**
 * A journalist's check: every published score, grade and rank is recomputed from the published open-data files
 * alone (units, rubrics, grades, evidence, 失信 records), with an independent implementation of the rules written
 * from the methodology page — not by calling the site's scoring module.
 */
import { describe, expect, inject, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const dist = () => inject('distDir');
const read = <T>(path: string): T => JSON.parse(readFileSync(join(dist(), 'data', path), 'utf8')) as T;

interface Rule {
	kind: string;
	per?: number;
	cap?: number;
	source?: string;
	validQuarters?: number;
	deduction?: { per: number };
}
interface Rubric {
	year: number;
	thresholds: { red: number; blue: number };
	indicators: { id: string; max: number; appliesTo: string[]; rule: Rule }[];
}
interface Grades {
	quarter: string;
	rubric: string;
	units: {
		id: string;
		category: string;
		score: number;
		grade: string;
		rank: number;
		change: number | null;
		maxPoints: number;
		points: Record<string, number>;
		overrides: { grade: string; reason: string }[];
	}[];
}
interface Evidence {
	id: string;
	quarter: string;
	unitId: string;
	indicatorId: string;
	kind: string | null;
	date: string | null;
	count: number | null;
	points: number | null;
}
interface Record_ {
	unitId: string;
	date: string;
	severity: string;
	kind: string;
	repairedOn: string | null;
}

const qIndex = (q: string) => Number(q.slice(0, 4)) * 4 + Number(q.slice(6)) - 1;
const qOf = (d: string) => `${d.slice(0, 4)}-Q${Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1}`;

describe('open data is enough to recompute every published result', () => {
	const quarters = () =>
		readdirSync(join(dist(), 'data', 'grades'))
			.filter((f) => f.endsWith('.json'))
			.map((f) => f.slice(0, -5))
			.sort((a, b) => qIndex(a) - qIndex(b));

	it('recomputes score, grade, rank and change of every unit in every quarter', () => {
		const records = read<Record_[]>('dishonesty.json');
		const evidence = quarters().flatMap((q) => read<Evidence[]>(`evidence/${q}.json`));
		let checked = 0;
		let previous: Grades | undefined;
		for (const q of quarters()) {
			const g = read<Grades>(`grades/${q}.json`);
			const rubric = read<Rubric>(`rubrics/${g.rubric}.json`);
			for (const u of g.units) {
				const applicable = rubric.indicators.filter((i) => i.appliesTo.includes(u.category));
				const max = applicable.reduce((s, i) => s + i.max, 0);
				expect(u.maxPoints).toBe(max);
				expect(Object.keys(u.points).sort()).toEqual(applicable.map((i) => i.id).sort());
				const total = Object.values(u.points).reduce((s, p) => s + p, 0);
				const score = Math.min(100, Math.max(0, Math.round((1000 * total) / max) / 10));
				expect(u.score).toBeCloseTo(score, 5);
				let grade =
					u.score >= rubric.thresholds.red ? 'red' : u.score >= rubric.thresholds.blue ? 'blue' : 'yellow';
				const active = records.filter(
					(r) =>
						r.unitId === u.id &&
						qIndex(qOf(r.date)) <= qIndex(q) &&
						(!r.repairedOn || qIndex(qOf(r.repairedOn)) >= qIndex(q)),
				);
				if (active.some((r) => r.severity === 'severe' || (r.severity === 'major' && r.kind === 'breach')))
					grade = 'yellow';
				else if (active.length && grade === 'red') grade = 'blue';
				expect(u.grade, `${q} ${u.id}`).toBe(grade);
				if (
					u.grade !==
					(u.score >= rubric.thresholds.red ? 'red' : u.score >= rubric.thresholds.blue ? 'blue' : 'yellow')
				)
					expect(u.overrides.length).toBeGreaterThan(0);
				const sameCategory = g.units.filter((x) => x.category === u.category);
				expect(u.rank).toBe(1 + sameCategory.filter((x) => x.score > u.score).length);
				const before = previous?.units.find((x) => x.id === u.id);
				expect(u.change).toBe(before ? Math.round((u.score - before.score) * 10) / 10 : null);
				// Points of the indicators that read evidence rows, from the evidence files.
				for (const ind of applicable) {
					const r = ind.rule;
					if (r.kind === 'commitmentCoverage' || r.source === 'pledges') continue;
					const window = r.validQuarters ?? 1;
					const rows = evidence.filter(
						(e) =>
							e.unitId === u.id &&
							e.indicatorId === ind.id &&
							e.date &&
							qIndex(e.quarter) <= qIndex(q) &&
							qIndex(e.quarter) > qIndex(q) - window,
					);
					let base = 0;
					if (r.kind === 'done') base = rows.some((e) => (e.kind ?? 'done') === 'done') ? ind.max : 0;
					if (r.kind === 'perItem')
						base = Math.min(
							r.cap!,
							r.per! *
								rows.filter((e) => (e.kind ?? 'item') === 'item').reduce((s, e) => s + (e.count ?? 1), 0),
						);
					if (r.kind === 'judged') {
						const judged = rows
							.filter((e) => (e.kind ?? 'judged') === 'judged')
							.sort((a, b) => qIndex(a.quarter) - qIndex(b.quarter) || (a.date! < b.date! ? -1 : 1));
						base = judged.at(-1)?.points ?? 0;
					}
					const incidents = rows
						.filter((e) => e.quarter === q && e.kind === 'incident')
						.reduce((s, e) => s + (e.count ?? 1), 0);
					expect(u.points[ind.id], `${q} ${u.id} ${ind.id}`).toBeCloseTo(
						base - (r.deduction?.per ?? 0) * incidents,
						5,
					);
				}
				checked++;
			}
			previous = g;
		}
		expect(checked).toBeGreaterThan(400);
	});
});
