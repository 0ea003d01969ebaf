/**
 * Reading the scored quarters for the pages, typed, newest first: the results `npm run score` wrote, read and indexed
 * once per build from the pipeline's memo (not a content collection: see `src/content.config.ts`). What the pages and
 * the grades open data read is the public form of the results: each override and record reference goes through
 * `src/lib/dishonesty/public.ts`, so a repaired record's details appear nowhere.
 */
import type { QuarterResult, UnitResult } from '../lib/scoring/score.ts';
import { quarterIndex, type QuarterId } from '../lib/quarters.ts';
import { readScoreFile, type ScoreFile } from '../loaders/pipeline.ts';
import { publicOverride, type PublicOverride, type RecordPublication } from '../lib/dishonesty/public.ts';
import { recordPublication } from './evidence.ts';
import type { Release } from '../lib/releases.ts';

/** A unit's result as published: overrides and records by their public ids and wording. */
export type PublicUnitResult = Omit<UnitResult, 'overrides'> & { overrides: PublicOverride[] };
export type ScoredQuarter = Omit<QuarterResult, 'units'> & {
	asOf: string;
	units: PublicUnitResult[];
	/** When and by which document the quarter's results were published. */
	release: Release;
};

/** One quarter of a unit's history. */
export interface UnitQuarter {
	quarter: QuarterId;
	rubric: number;
	release: Release;
	/** The unit's result that quarter. */
	result: PublicUnitResult;
}

/** A unit's result in its public form. */
export function publicResult(r: UnitResult, pub: RecordPublication): PublicUnitResult {
	return {
		...r,
		overrides: r.overrides.map((o) => publicOverride(o, pub)),
		records: r.records.map((id) => pub.publicId.get(id) ?? id),
	};
}

interface Index {
	file: ScoreFile;
	quarters: ScoredQuarter[];
	/** Each unit's quarters, newest first. */
	byUnit: Map<string, UnitQuarter[]>;
}
let index: Index | undefined;

function load(): Index {
	const file = readScoreFile();
	if (index?.file === file) return index;
	const pub = recordPublication();
	const quarters = file.quarters
		.map((q) => ({ ...q, asOf: file.asOf, units: q.units.map((u) => publicResult(u, pub)) }))
		.sort((a, b) => quarterIndex(b.quarter) - quarterIndex(a.quarter));
	const byUnit = new Map<string, UnitQuarter[]>();
	for (const q of quarters)
		for (const result of q.units) {
			const list = byUnit.get(result.id);
			const entry = { quarter: q.quarter, rubric: q.rubric, release: q.release, result };
			if (list) list.push(entry);
			else byUnit.set(result.id, [entry]);
		}
	index = { file, quarters, byUnit };
	return index;
}

/** All scored quarters, newest first. A new array each time, so a page that reorders its copy leaves others alone. */
export async function scoredQuarters(): Promise<ScoredQuarter[]> {
	return [...load().quarters];
}

/** A unit's results in every quarter it was scored, newest first. */
export async function unitHistory(unitId: string): Promise<UnitQuarter[]> {
	return [...(load().byUnit.get(unitId) ?? [])];
}

/**
 * How many of its latest quarters a unit's profile page breaks down indicator by indicator; every quarter is also on
 * the unit's page for its year (`/units/<id>/<year>/`). Four quarters: the longest validity of a point ("至次年同月
 * 认定的前一季度止"), so every carried-over point on the profile rests on evidence shown on the same page.
 */
export const PROFILE_QUARTERS = 4;

/** The page of a unit's year: `/units/<id>/<year>/`. */
export const unitYearPath = (unitId: string, year: string | number) => `/units/${unitId}/${year}/`;

/** The years of a unit's history, newest first. */
export const historyYears = (history: readonly UnitQuarter[]) => [
	...new Set(history.map((h) => h.quarter.slice(0, 4))),
];
