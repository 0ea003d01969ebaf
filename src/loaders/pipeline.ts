/**
 * The build pipeline's shared state: the validated dataset of DATA_DIR and the score results written by
 * `npm run score` (`.cache/score.json`), read once per process by the content-layer loaders and the pages.
 *
 * Once per process, not once per module instance: `astro build` loads this module twice — in the content layer
 * (through Vite's module runner) and in the bundled pages — so the memo lives on `globalThis`. Without it the page
 * bundle would validate the whole data folder again (a million evidence rows at city scale).
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CACHE_ROOT } from './cache-dir.ts';
import type { Dataset } from '../lib/validate/dataset.ts';
import { hasErrors, reportLines, type Issue } from '../lib/issues.ts';
import type { QuarterResult } from '../lib/scoring/score.ts';
import type { QuarterId } from '../lib/quarters.ts';
import type { Release } from '../lib/releases.ts';
import {
	datasetLedgerIssues,
	datasetReleases as releasesOf,
	scoreDataset as scoreAll,
	unitNameIn,
} from '../lib/office/report.ts';
import { dataDir, validateDataDirSync } from './data-dir.ts';
import { asOfDate } from '../lib/asof.ts';
import { readSnapshot, saveSnapshot } from './snapshot.ts';

/** Where `npm run score` writes its results for the site build. */
export const SCORE_CACHE = join(CACHE_ROOT, 'score.json');

/** A released quarter's results, with its release (发布日期, 文号). */
export type PublishedQuarter = QuarterResult & { release: Release };

/**
 * What `npm run score` writes for the site: the results of the quarters public on the as-of date, and nothing of a
 * draft quarter but its id (the one place a draft's results could reach the site is never given them).
 */
export interface ScoreFile {
	dataDir: string;
	asOf: string;
	quarters: PublishedQuarter[];
	/** Scored quarters not public on the as-of date. */
	drafts: QuarterId[];
}

/** The per-process memo, keyed by what it was computed from. */
interface Memo {
	dataset?: { dir: string; value: Dataset };
	scores?: { key: string; value: ScoreFile };
}
const memo: Memo = ((globalThis as Record<symbol, Memo>)[Symbol.for('xinyong.pipeline')] ??= {});

/** The validated dataset; throws with the full report when any error stands, so nothing is published. */
export function loadDataset(): Dataset {
	const dir = dataDir();
	if (memo.dataset?.dir === dir) return memo.dataset.value;
	// Within `npm run build`, the validation stage's result (src/loaders/snapshot.ts), every photo decoded by it;
	// otherwise validate here, synchronously: every check but the full decoding of photos (see validateDataDirSync).
	let d = readSnapshot(dir);
	if (!d) {
		d = validateDataDirSync(dir);
		if (hasErrors(d.issues)) throw new Error(`数据有错误，不能发布：\n${reportLines(d.issues).join('\n')}`);
		saveSnapshot(dir, d);
	}
	memo.dataset = { dir, value: d };
	return d;
}

/** The quarters public on the as-of date (released on or before it), with their releases. */
export function datasetReleases(d: Dataset, asOf = asOfDate()): Map<QuarterId, Release> {
	return releasesOf(d, asOf);
}

/**
 * Scores every quarter that has an evidence file, drafts included (the office previews them); see
 * `src/lib/office/report.ts`.
 */
export function scoreDataset(d: Dataset, asOf = asOfDate()): QuarterResult[] {
	return scoreAll(d, asOf);
}

/**
 * The ledger check of a build (`src/lib/office/report.ts`), as of the build's date by default.
 */
export const ledgerCheck = (d: Dataset, results: readonly QuarterResult[], asOf = asOfDate()): Issue[] =>
	datasetLedgerIssues(d, results, asOf);

export { unitNameIn };

/** Writes the results of the public quarters where the site build reads them; drafts by id only. */
export function writeScoreFile(quarters: QuarterResult[], releases: ReadonlyMap<QuarterId, Release>): void {
	const file: ScoreFile = {
		dataDir: dataDir(),
		asOf: asOfDate(),
		quarters: quarters.flatMap((q) => {
			const release = releases.get(q.quarter);
			return release ? [{ ...q, release }] : [];
		}),
		drafts: quarters.filter((q) => !releases.has(q.quarter)).map((q) => q.quarter),
	};
	mkdirSync(dirname(SCORE_CACHE), { recursive: true });
	writeFileSync(SCORE_CACHE, JSON.stringify(file));
}

/** Reads the score results (once per process and file version); refuses ones computed for another data folder or
 * as-of date. */
export function readScoreFile(): ScoreFile {
	if (!existsSync(SCORE_CACHE))
		throw new Error('找不到评分结果 .cache/score.json：请先运行 npm run score（npm run build 会自动运行）');
	const stat = statSync(SCORE_CACHE);
	const key = `${SCORE_CACHE}\0${stat.mtimeMs}\0${stat.size}`;
	const file =
		memo.scores?.key === key
			? memo.scores.value
			: (JSON.parse(readFileSync(SCORE_CACHE, 'utf8')) as ScoreFile);
	memo.scores = { key, value: file };
	if (file.dataDir !== dataDir() || file.asOf !== asOfDate())
		throw new Error(
			`评分结果是为 ${file.dataDir}（截至 ${file.asOf}）计算的，与本次构建不符：请重新运行 npm run score`,
		);
	return file;
}
