/**
 * `npm run bench:score`: scores 1,000,000 synthetic evidence rows for 120 units × 80 quarters with the real scoring
 * module and the real 2022 rubric, and prints the time and rows per second. Target (issue 3): under 5 s on the
 * 2-core CI machine. A benchmark, not a test: it prints figures and exits 0.
 */
import { readFileSync } from 'node:fs';
import { rubricSchema } from '../src/schemas/rubric.ts';
import { scoreQuarters, type EvidenceFact, type ScoringInput } from '../src/lib/scoring/score.ts';
import { addQuarters, quarterEnd, type QuarterId } from '../src/lib/quarters.ts';
import type { UnitRow } from '../src/schemas/unit.ts';
import { prng } from './lib/gen-scale/random.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const UNITS = 120;
const QUARTERS = 80;
const base = rubricSchema.parse(JSON.parse(readFileSync('data/rubrics/2022.json', 'utf8')));

// Seeded, so every run scores the same data.
const rand = prng(20221122).next;
const cats = ['town', 'park', 'A', 'B'] as const;
const units: UnitRow[] = Array.from({ length: UNITS }, (_, i) => ({ id: `u${i}`, category: cats[i % 4] }));
const quarters: QuarterId[] = Array.from({ length: QUARTERS }, (_, i) => addQuarters('2006-Q1', i));
const rubrics = new Map(Array.from({ length: 21 }, (_, i) => [2006 + i, { ...base, year: 2006 + i }]));
const evidenceIndicators = base.indicators.filter(
	(i) => i.rule.kind !== 'commitmentCoverage' && !(i.rule.kind === 'perItem' && i.rule.source === 'pledges'),
);

const evidence: EvidenceFact[] = new Array(ROWS);
for (let n = 0; n < ROWS; n++) {
	const u = units[Math.floor(rand() * UNITS)];
	const applicable = evidenceIndicators.filter((i) => i.appliesTo.includes(u.category));
	const ind = applicable[Math.floor(rand() * applicable.length)];
	const q = quarters[Math.floor(rand() * QUARTERS)];
	const kind =
		ind.rule.kind === 'done'
			? rand() < 0.05
				? 'incident'
				: 'done'
			: ind.rule.kind === 'perItem'
				? 'item'
				: 'judged';
	evidence[n] = {
		id: `e${n}`,
		unitId: u.id,
		indicatorId: ind.id,
		quarter: q,
		kind,
		date: quarterEnd(q),
		count: 1,
		points: kind === 'judged' ? Math.floor(rand() * ind.max) : undefined,
		what: '事项',
		source: '信用办',
		reason: kind === 'judged' ? '理由' : undefined,
	};
}
const input: ScoringInput = {
	rubrics,
	units,
	unitNames: units.map((u) => ({ unitId: u.id, name: `单位${u.id}` })),
	evidence,
	dishonesty: [],
	commitments: [],
	commitmentUpdates: [],
	pledges: [],
	quarters,
};
const t0 = performance.now();
const results = scoreQuarters(input);
const seconds = (performance.now() - t0) / 1000;
const unitQuarters = results.reduce((s, q) => s + q.units.length, 0);
console.log(
	`评分基准：${ROWS.toLocaleString('en')} 行评价记录，${UNITS} 个单位 × ${QUARTERS} 个季度（${unitQuarters} 个单位次）`,
);
console.log(
	`用时 ${seconds.toFixed(2)} 秒，${Math.round(ROWS / seconds).toLocaleString('en')} 行/秒（目标：< 5 秒）`,
);
