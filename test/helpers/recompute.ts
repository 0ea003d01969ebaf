/**
 * A journalist's check: every published score, grade, override and rank of a built site recomputed from its open-data
 * files alone (and `recomputeWithSiteModule` at the end: the same with the site's scoring module and its open-data
 * adapter) (units, rubrics, grades, evidence, 失信 records), with an independent implementation of the rules as the
 * methodology page states them — not by calling the site's scoring module. Returns what disagrees, so a test can say
 * exactly which unit and quarter.
 *
 * The score is rounded the way the methodology page says: in integers, the points and the maximum as hundredths of a
 * point, "恰好在 0.05 的一律进位". It is done here with BigInt division and a remainder, so no binary fraction is ever
 * rounded (`Math.round(1000 × 2.01 ÷ 20) ÷ 10` gives 10.0, because 2.01 × 1000 is 2009.9999999999998 in binary).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { scoreQuarters } from '../../src/lib/scoring/score.ts';
import {
	scoringInput,
	type OpenCommitment,
	type OpenPledge,
	type OpenUnit,
} from '../../src/lib/recompute/open-data.ts';
import { publicOverride, type PublicRecord } from '../../src/lib/dishonesty/public.ts';
import type { QuarterId } from '../../src/lib/quarters.ts';
import type { Rubric as RubricFile } from '../../src/schemas/rubric.ts';

interface Rule {
	kind: string;
	per?: number;
	cap?: number;
	source?: string;
	validQuarters?: number;
	deduction?: { per: number };
	households?: number;
	base?: number;
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
		overrides: { grade: string; reason: string; recordId: string }[];
		records: string[];
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
interface PublishedRecord {
	id: string;
	unitId: string;
	activeFrom: string;
	activeTo: string | null;
	cap: string;
	repaired: boolean;
	date: string | null;
	severity: string | null;
	kind: string | null;
	repairedOn: string | null;
}

const qIndex = (q: string) => Number(q.slice(0, 4)) * 4 + Number(q.slice(6)) - 1;
const quarterBefore = (q: string) =>
	q.endsWith('Q1') ? `${Number(q.slice(0, 4)) - 1}-Q4` : `${q.slice(0, 6)}${Number(q.slice(6)) - 1}`;
const qOf = (d: string) => `${d.slice(0, 4)}-Q${Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1}`;
const hundredths = (x: number) => BigInt(Math.round(x * 100));
const ORDER = ['red', 'blue', 'yellow'];

/**
 * `clamp(round1(100 × P ÷ M), 0, 100)` in exact arithmetic: P and M in hundredths, half up. Written from the
 * methodology page, independently of `normalisedScore`.
 */
export function exactScore(points: readonly number[], max: number): number {
	const p = points.reduce((s, x) => s + hundredths(x), 0n);
	const m = hundredths(max);
	if (p <= 0n || m <= 0n) return 0;
	const num = 1000n * p;
	let tenths = num / m;
	if (2n * (num % m) >= m) tenths += 1n;
	return Number(tenths > 1000n ? 1000n : tenths) / 10;
}

/** The float formula the site must not use: `Math.round(1000 × total ÷ max) ÷ 10`. */
export function floatScore(points: readonly number[], max: number): number {
	const total = points.reduce((s, x) => s + x, 0);
	return Math.min(100, Math.max(0, Math.round((1000 * total) / max) / 10));
}

/**
 * The best grade a record allows while active, from the methodology page: 一般失信 → blue (红名单须“单位无失信行为”);
 * any 违约, or 较重 or 严重 of any kind → yellow (蓝名单须“单位无违约或较重失信行为”; 严重的直接列入黄名单).
 */
export function capOf(severity: string, kind: string): string {
	return severity === 'minor' && kind === 'dishonesty' ? 'blue' : 'yellow';
}

/** What was recomputed and what disagreed. */
export interface Recomputed {
	/** Unit-quarters checked. */
	checked: number;
	/** One line per disagreement: `2023-Q4 shhz grade: published blue, recomputed yellow`. */
	mismatches: string[];
	/** Every published score with the float formula's answer, for showing where the two differ. */
	scores: { quarter: string; id: string; score: number; float: number }[];
}

/** Recomputes every published result of the site in `dist`. */
export function recomputeSite(dist: string): Recomputed {
	const read = <T>(path: string): T => JSON.parse(readFileSync(join(dist, 'data', path), 'utf8')) as T;
	const quarters = readdirSync(join(dist, 'data', 'grades'))
		.filter((f) => f.endsWith('.json'))
		.map((f) => f.slice(0, -5))
		.sort((a, b) => qIndex(a) - qIndex(b));
	const records = read<PublishedRecord[]>('dishonesty.json');
	// Indexed by unit and indicator once: filtering every row for every unit × indicator × quarter is quadratic in
	// the years of data and took over a minute on the demo.
	const evidence = new Map<string, Evidence[]>();
	for (const e of quarters.flatMap((q) => read<Evidence[]>(`evidence/${q}.json`))) {
		const key = `${e.unitId}\u0000${e.indicatorId}`;
		evidence.set(key, [...(evidence.get(key) ?? []), e]);
	}
	const mismatches: string[] = [];
	const scores: Recomputed['scores'] = [];
	const check = (what: string, published: unknown, recomputed: unknown) => {
		if (JSON.stringify(published) !== JSON.stringify(recomputed))
			mismatches.push(
				`${what}: published ${JSON.stringify(published)}, recomputed ${JSON.stringify(recomputed)}`,
			);
	};
	// A record's cap and quarters: from its details while they are published; a repaired record says them itself.
	for (const r of records)
		if (!r.repaired) {
			check(`record ${r.id} cap`, r.cap, capOf(r.severity!, r.kind!));
			check(`record ${r.id} activeFrom`, r.activeFrom, qOf(r.date!));
			check(`record ${r.id} activeTo`, r.activeTo, r.repairedOn ? qOf(r.repairedOn) : null);
		}
	let checked = 0;
	const published = new Map<string, Grades>();
	for (const q of quarters) {
		const g = read<Grades>(`grades/${q}.json`);
		published.set(q, g);
		// The change is against the previous calendar quarter, none when it has no published results.
		const previous = published.get(quarterBefore(q));
		const rubric = read<Rubric>(`rubrics/${g.rubric}.json`);
		for (const u of g.units) {
			const at = `${q} ${u.id}`;
			const applicable = rubric.indicators.filter((i) => i.appliesTo.includes(u.category));
			const max = applicable.reduce((s, i) => s + i.max, 0);
			check(`${at} maxPoints`, u.maxPoints, max);
			check(`${at} indicators`, Object.keys(u.points).sort(), applicable.map((i) => i.id).sort());
			const score = exactScore(Object.values(u.points), max);
			scores.push({ quarter: q, id: u.id, score: u.score, float: floatScore(Object.values(u.points), max) });
			check(`${at} score`, u.score, score);
			const byScore =
				score >= rubric.thresholds.red ? 'red' : score >= rubric.thresholds.blue ? 'blue' : 'yellow';
			const active = records.filter(
				(r) =>
					r.unitId === u.id &&
					qIndex(r.activeFrom) <= qIndex(q) &&
					(r.activeTo === null || qIndex(r.activeTo) >= qIndex(q)),
			);
			check(`${at} records`, [...u.records].sort(), active.map((r) => r.id).sort());
			const worstCap = active.reduce((w, r) => (ORDER.indexOf(r.cap) > ORDER.indexOf(w) ? r.cap : w), 'red');
			const grade = ORDER.indexOf(worstCap) > ORDER.indexOf(byScore) ? worstCap : byScore;
			check(`${at} grade`, u.grade, grade);
			if (grade === byScore) check(`${at} overrides`, u.overrides, []);
			else {
				check(
					`${at} override grade`,
					u.overrides.map((o) => o.grade),
					[grade],
				);
				const named = active.find((r) => r.id === u.overrides[0]?.recordId);
				check(`${at} override names a record that caps at ${grade}`, named?.cap, grade);
				check(`${at} override has a reason`, (u.overrides[0]?.reason.length ?? 0) > 0, true);
			}
			const sameCategory = g.units.filter((x) => x.category === u.category);
			check(`${at} rank`, u.rank, 1 + sameCategory.filter((x) => x.score > u.score).length);
			const before = previous?.units.find((x) => x.id === u.id);
			check(
				`${at} change`,
				u.change,
				before ? (Math.round(u.score * 10) - Math.round(before.score * 10)) / 10 : null,
			);
			// Points of the indicators that read evidence rows, from the evidence files.
			for (const ind of applicable) {
				const r = ind.rule;
				if (r.kind === 'commitmentCoverage' || r.source === 'pledges') continue;
				const window = r.validQuarters ?? 1;
				const rows = (evidence.get(`${u.id}\u0000${ind.id}`) ?? []).filter(
					(e) => e.date && qIndex(e.quarter) <= qIndex(q) && qIndex(e.quarter) > qIndex(q) - window,
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
				if (r.kind === 'creditTown') {
					// 验收合格的季度满分；此后有效期内每季度新增诚信户满 households 户满分，否则 base 分；过期 0 分。
					// 此前按评审打分记录的现场验收（得分大于 0 的“评分”行）也是一次验收（有效期延续到下一年）。
					const accepted = rows
						.filter((e) => e.kind === 'done' || (e.kind === 'judged' && (e.points ?? 0) > 0))
						.map((e) => e.quarter);
					const latest = accepted.sort((a, b) => qIndex(a) - qIndex(b)).at(-1);
					const added = rows
						.filter((e) => e.quarter === q && e.kind === 'item')
						.reduce((s, e) => s + (e.count ?? 1), 0);
					base = !latest ? 0 : latest === q || added >= r.households! ? ind.max : r.base!;
				}
				const incidents = rows
					.filter((e) => e.quarter === q && e.kind === 'incident')
					.reduce((s, e) => s + (e.count ?? 1), 0);
				const expected = base - (r.deduction?.per ?? 0) * incidents;
				if (Math.abs(u.points[ind.id] - expected) > 1e-9)
					mismatches.push(`${at} points ${ind.id}: published ${u.points[ind.id]}, recomputed ${expected}`);
			}
			checked++;
		}
	}
	return { checked, mismatches, scores };
}

/**
 * The same check made the other way: the site's own scoring module (`src/lib/scoring/score.ts`), fed from the open
 * data through the one adapter the browser's 复算 and `npm run recompute` use (`src/lib/recompute/open-data.ts`), must
 * give every published result of every quarter — every indicator's points, the score, grade, override, records and
 * rank. Where the independent check above proves the rules, this proves the adapter: that the open data holds all that
 * scoring reads.
 */
export function recomputeWithSiteModule(dist: string): Recomputed {
	const read = <T>(path: string): T => JSON.parse(readFileSync(join(dist, 'data', path), 'utf8')) as T;
	const quarters = readdirSync(join(dist, 'data', 'grades'))
		.filter((f) => /^\d{4}-Q[1-4]\.json$/.test(f))
		.map((f) => f.slice(0, -5) as QuarterId)
		.sort((a, b) => qIndex(a) - qIndex(b));
	const records = read<PublicRecord[]>('dishonesty.json');
	const publication = {
		records,
		publicId: new Map(records.map((r) => [r.id, r.id])),
		repaired: new Set(records.filter((r) => r.repaired).map((r) => r.id)),
	};
	const evidence = quarters.flatMap(
		(q) =>
			Papa.parse<Record<string, string>>(
				readFileSync(join(dist, 'data', 'evidence', `${q}.csv`), 'utf8').replace(/^\uFEFF/, ''),
				{
					header: true,
					skipEmptyLines: 'greedy',
				},
			).data,
	);
	const mismatches: string[] = [];
	let checked = 0;
	for (const q of quarters) {
		const g = read<Grades>(`grades/${q}.json`);
		const [result] = scoreQuarters(
			scoringInput(
				{
					rubric: read<RubricFile>(`rubrics/${g.rubric}.json`),
					units: read<OpenUnit[]>('units.json'),
					evidence,
					dishonesty: records,
					commitments: read<OpenCommitment[]>('commitments.json'),
					pledges: read<OpenPledge[]>('pledges.json'),
				},
				q,
			),
		);
		const mine = new Map(result.units.map((u) => [u.id, u]));
		for (const u of g.units) {
			const r = mine.get(u.id);
			const got = r && {
				points: r.points,
				maxPoints: r.maxPoints,
				score: r.score,
				grade: r.grade,
				rank: r.rank,
				records: r.records,
				overrides: r.overrides.map((o) => publicOverride(o, publication)),
			};
			const want = {
				points: u.points,
				maxPoints: u.maxPoints,
				score: u.score,
				grade: u.grade,
				rank: u.rank,
				records: u.records,
				overrides: u.overrides,
			};
			if (JSON.stringify(got) !== JSON.stringify(want))
				mismatches.push(
					`${q} ${u.id}: published ${JSON.stringify(want)}, site module ${JSON.stringify(got)}`,
				);
			checked++;
		}
		if (result.units.length !== g.units.length)
			mismatches.push(`${q}: ${result.units.length} units recomputed, ${g.units.length} published`);
	}
	return { checked, mismatches, scores: [] };
}
