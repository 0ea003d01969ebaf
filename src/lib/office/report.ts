/**
 * `npm run report` from a validated dataset: which quarters are public, the scores of every quarter (drafts included),
 * and a quarter's summary lines with what a draft still lacks. Pure, so that the command line and the office page
 * (/office/, in a Web Worker) print the same report from one module.
 */
import type { Dataset } from '../validate/dataset.ts';
import { scoreQuarters, type QuarterResult } from '../scoring/score.ts';
import { quarterIndex, type QuarterId } from '../quarters.ts';
import { missingCells, publicReleases, type Release } from '../releases.ts';
import { nameInQuarter } from '../units/names.ts';
import { quarterSummary } from './quarter-summary.ts';
import { futureCorrections, ledgerIssues } from '../ledger/ledger.ts';
import type { Issue } from '../issues.ts';

/** The quarters public on the as-of date (released on or before it), with their releases. */
export function datasetReleases(d: Dataset, asOf: string): Map<QuarterId, Release> {
	return publicReleases(
		d.releases.map((r) => r.value),
		asOf,
	);
}

/** The quarters the office has published an evidence file for (a file with at least one valid row). */
export function evidenceQuarters(d: Dataset): QuarterId[] {
	return [...new Set(d.evidence.map((e) => e.value.quarter))];
}

/**
 * Scores every quarter that has an evidence file, drafts included (the office previews them); a unit's change is
 * measured against the previous calendar quarter when that quarter is public on the as-of date.
 * @param alsoPublic quarters to score as public although not (yet) released: the quarter `npm run release` is about to
 * release, whose snapshot must be what the build publishes once it is public (a public quarter does not rest on a
 * draft's rows; a draft does)
 */
export function scoreDataset(
	d: Dataset,
	asOf: string,
	alsoPublic: readonly QuarterId[] = [],
): QuarterResult[] {
	return scoreQuarters({
		rubrics: d.rubrics,
		units: d.units.map((u) => u.value),
		unitNames: d.unitNames.map((n) => n.value),
		evidence: d.evidence.map((e) => e.value),
		dishonesty: d.dishonesty.map((r) => r.value),
		commitments: d.commitments.map((c) => c.value),
		commitmentUpdates: d.commitmentUpdates.map((u) => u.value),
		pledges: d.pledges.map((p) => p.value),
		quarters: evidenceQuarters(d),
		released: new Set([...datasetReleases(d, asOf).keys(), ...alsoPublic]),
	});
}

/**
 * A quarter's results as the site publishes them from `date` on: the quarter public, with what is public by then, so
 * resting on no earlier draft's rows (a draft does). What `npm run release` snapshots and `npm run report` previews.
 */
export function scoreAsReleased(d: Dataset, q: QuarterId, date: string): QuarterResult {
	return scoreDataset(d, date, [q]).find((r) => r.quarter === q)!;
}

/** The latest quarter that has results, or undefined when no quarter has any. */
export function latestQuarter(quarters: readonly QuarterResult[]): QuarterId | undefined {
	return [...quarters].sort((a, b) => quarterIndex(b.quarter) - quarterIndex(a.quarter))[0]?.quarter;
}

/** The quarters with results that are not public on the as-of date (drafts), latest first. */
export function draftQuarters(d: Dataset, quarters: readonly QuarterResult[], asOf: string): QuarterId[] {
	const released = datasetReleases(d, asOf);
	return quarters
		.map((q) => q.quarter)
		.filter((q) => !released.has(q))
		.sort((a, b) => quarterIndex(b) - quarterIndex(a));
}

/**
 * The report of one quarter, as `npm run report -- <quarter>` prints it: the summary, and for a draft the unit ×
 * indicator cells it still lacks, named by the unit's name in that quarter. Throws (with a Chinese message) when the
 * quarter has no results.
 * @param quarters the dataset's scores (`scoreDataset`)
 */
export function quarterReport(
	d: Dataset,
	quarters: readonly QuarterResult[],
	quarter: QuarterId,
	asOf: string,
): string[] {
	const rubric = d.rubrics.get(Number(quarter.slice(0, 4)));
	const missing = rubric
		? missingCells(
				quarter,
				rubric,
				d.units.map((u) => u.value),
				d.evidence.filter((e) => e.value.quarter === quarter).map((e) => e.value),
			)
		: [];
	const names = d.unitNames.map((n) => n.value);
	const units = new Map(d.units.map((u) => [u.value.id, u.value]));
	const unitName = (id: string) => nameInQuarter(names, units.get(id)!, quarter);
	const releases = datasetReleases(d, asOf);
	// A draft is previewed as `npm run release` will publish it: public, so resting on no earlier draft's rows.
	const asReleased = releases.has(quarter)
		? quarters
		: quarters.map((r) => (r.quarter === quarter ? scoreAsReleased(d, quarter, asOf) : r));
	return quarterSummary(asReleased, quarter, asOf, {
		releases,
		missing,
		unitName,
	});
}

/**
 * The ledger check (`src/lib/ledger/ledger.ts`) of the build, of `npm run validate` and of the office page: every
 * sealed quarter public on the as-of date, recomputed in `results`, against its snapshot as corrected, one error per
 * quarter whose results changed unexplained; and every correction of a public quarter dated after the as-of date.
 */
export function datasetLedgerIssues(d: Dataset, results: readonly QuarterResult[], asOf: string): Issue[] {
	const releases = datasetReleases(d, asOf);
	return [
		...futureCorrections(d.corrections, releases, asOf),
		...ledgerIssues(
			[...d.sealed.values()]
				.filter((s) => releases.has(s.quarter))
				.map((s) => ({
					quarter: s.quarter,
					snapshot: s.snapshot,
					release: { file: s.release.file, line: s.release.line, column: s.release.column },
				})),
			d.corrections.map((c) => c.value),
			results,
			unitNameIn(d),
		),
	];
}

/** A unit's name in a quarter, from the dataset's name history (its id when the unit is unknown). */
export function unitNameIn(d: Dataset): (unitId: string, q: QuarterId) => string {
	const units = new Map(d.units.map((u) => [u.value.id, u.value]));
	const names = d.unitNames.map((n) => n.value);
	return (unitId, q) => {
		const u = units.get(unitId);
		return u ? nameInQuarter(names, u, q) : unitId;
	};
}
