/** The whole generated dataset: what `npm run gen:scale` writes (see `scripts/gen-scale.ts`). */
import { copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { addQuarters, quarterEnd, type QuarterId } from '../../../src/lib/quarters.ts';
import type { Rubric } from '../../../src/schemas/rubric.ts';
import { prng } from './random.ts';
import { makeUnits, writeUnits } from './units.ts';
import { writeEvidence, writeReleases } from './evidence.ts';
import { writeDishonesty } from './dishonesty.ts';
import { writeExemplars } from './exemplars.ts';
import { writeCommitments, writePledges } from './commitments.ts';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');

/** What to generate. */
export interface ScaleOptions {
	units: number;
	quarters: number;
	exemplars: number;
	commitments: number;
	out: string;
	seed?: number;
	/** Average evidence rows per unit and quarter (default 104). */
	rows?: number;
	/** The last quarter (default 2026-Q3). */
	last?: QuarterId;
}

/** Counts of what was written. */
export interface ScaleSummary {
	units: number;
	quarters: number;
	firstQuarter: QuarterId;
	lastQuarter: QuarterId;
	evidence: number;
	dishonesty: number;
	candidates: number;
	commitments: number;
	updates: number;
	pledges: number;
}

/** Generates the dataset into `opts.out` (replacing what is there). */
export function generateDataset(opts: ScaleOptions): ScaleSummary {
	const r = prng(opts.seed ?? 20221122);
	const out = resolve(opts.out);
	const last = opts.last ?? '2026-Q3';
	const quarters = Array.from({ length: opts.quarters }, (_, i) => addQuarters(last, i - opts.quarters + 1));
	const first = quarters[0];
	const years = [...new Set(quarters.map((q) => Number(q.slice(0, 4))))];
	if (years[years.length - 1] > 2026)
		throw new Error('最后一个季度不能晚于 2026 年（chinese-days 和构建的截至日期只到 2026 年）');
	rmSync(out, { recursive: true, force: true });
	mkdirSync(out, { recursive: true });

	// Site identity and policy documents: the demo's.
	copyFileSync(join(ROOT, 'data', 'site.json'), join(out, 'site.json'));
	cpSync(join(ROOT, 'data', 'policies'), join(out, 'policies'), { recursive: true });

	// Rubrics: the 2022 rubric for every year, and for 2022 itself even when no quarter is in it: the demo's policy
	// document xyb-2022-6 links to its page and file (/methodology/#rubric-2022, /data/rubrics/2022.json), and the
	// build refuses a text whose link leads nowhere.
	const base = JSON.parse(readFileSync(join(ROOT, 'data', 'rubrics', '2022.json'), 'utf8')) as Rubric;
	const rubrics = new Map<number, Rubric>();
	mkdirSync(join(out, 'rubrics'));
	for (const y of [...new Set([2022, ...years])]) {
		const rubric = { ...base, year: y, title: base.title.replace('2022', String(y)) };
		if (years.includes(y)) rubrics.set(y, rubric);
		writeFileSync(join(out, 'rubrics', `${y}.json`), JSON.stringify(rubric, null, '\t') + '\n');
	}

	const units = makeUnits(r, opts.units, first, last);
	writeUnits(out, units);
	const evidence = writeEvidence(r, out, units, quarters, rubrics, opts.rows ?? 104);
	writeReleases(out, quarters);
	// 失信 records: about one per 200 unit-quarters.
	const nd = Math.max(1, Math.round((opts.units * opts.quarters) / 200));
	const dishonesty = writeDishonesty(r, out, units, nd, first, last);
	const photo = readFileSync(join(ROOT, 'data', 'exemplars', 'photos', '2022-001.jpg'));
	const candidates = writeExemplars(r, out, units, years, opts.exemplars, photo);
	const lastDay = quarterEnd(last);
	const c = writeCommitments(r, out, units, base.commitmentCategories, opts.commitments, first, lastDay);
	const pledges = writePledges(r, out, units, years, first, lastDay);
	return {
		units: units.length,
		quarters: quarters.length,
		firstQuarter: first,
		lastQuarter: last,
		evidence,
		dishonesty,
		candidates,
		commitments: c.commitments,
		updates: c.updates,
		pledges,
	};
}
