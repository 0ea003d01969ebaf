/**
 * The bulk open-data files: each quarter's evidence rows and grades, as JSON and CSV. At city scale (120 units × 80
 * quarters) that is 320 files, a million rows and 436 MB. Rendered inside the Astro build they cost about 15 s, and
 * as much again (and 600 MB held) to size and hash them for the data package; passed through Astro as endpoints they
 * still cost 12 s of copying. So the build's 写出开放数据 stage (`scripts/opendata.ts`) writes them once, with their
 * facts (`facts.ts`), to `.cache/opendata/`; the data package and the 数据下载 page read the facts, and the
 * 发布开放数据 stage links the files into the built site's `/data/` after Astro has built it (Astro empties its
 * output folder first).
 *
 * The stage comes in two parts, each with its own manifest: the evidence files need only the validated dataset, so the
 * build writes them while it scores; the grades files follow the score results.
 *
 * The facts are used only for the data folder and as-of date they were written for, and within `npm run build` only
 * by the build that wrote them (`XINYONG_BUILD_ID`, as for the dataset snapshot).
 */
import {
	copyFileSync,
	existsSync,
	linkSync,
	mkdirSync,
	readFileSync,
	renameSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { datasetReleases, loadDataset } from './pipeline.ts';
import { quarterEnd } from '../lib/quarters.ts';
import { dataDir } from './data-dir.ts';
import { CACHE_ROOT } from './cache-dir.ts';
import { asOfDate } from '../lib/asof.ts';
import { scoredQuarters } from '../page-data/quarters.ts';
import { recordPublication } from '../page-data/evidence.ts';
import { correctedUnits, previousScoreCorrections } from '../page-data/ledger.ts';
import { publicEvidence } from '../lib/dishonesty/public.ts';
import type { Evidence } from '../lib/validate/dataset.ts';
import { csvPieces, gradesCsv, gradesJson, jsonArrayPieces } from '../lib/opendata/csv.ts';
import { fileFacts, type FileFacts } from '../lib/opendata/facts.ts';
import { nameLookup } from '../lib/units/names.ts';
import { csvFieldsOf, type DataPackage } from '../lib/opendata/datapackage.ts';
import { isTwin, twinCsv, twinPath } from '../lib/opendata/twin.ts';
import type { Field } from '../lib/opendata/table-schema.ts';

/** Where the stage writes the files, and the manifests of their facts. */
export const BULK_DIR = join(CACHE_ROOT, 'opendata');

/** The two parts of the bulk files, each a folder under `/data/`. */
export const BULK_PARTS = ['evidence', 'grades'] as const;
export type BulkPart = (typeof BULK_PARTS)[number];
const manifestFile = (part: BulkPart) => join(BULK_DIR, `manifest-${part}.json`);

/** Evidence field order in open data. */
export const EVIDENCE_FIELDS = [
	'id',
	'quarter',
	'unitId',
	'unitName',
	'indicatorId',
	'kind',
	'date',
	'count',
	'points',
	'what',
	'source',
	'reason',
] as const;

/**
 * The published evidence rows of each public quarter, sorted by id: references into the dataset. A draft quarter's
 * rows are not published (its release record is the gate); blank pre-filled rows are not in the dataset's evidence.
 */
function byQuarter(): Map<string, Evidence[]> {
	const dataset = loadDataset();
	const released = datasetReleases(dataset);
	const by = new Map<string, Evidence[]>();
	for (const { value } of dataset.evidence) {
		if (!released.has(value.quarter)) continue;
		const list = by.get(value.quarter);
		if (list) list.push(value);
		else by.set(value.quarter, [value]);
	}
	for (const list of by.values()) list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	return by;
}

/**
 * An evidence row in open-data shape: every field of `EVIDENCE_FIELDS`, null when empty; `unitName` is the name the
 * unit had on the row's date (a renamed unit's old rows carry its old name). Given as published (`publicEvidence`).
 */
function openRow(e: Evidence, unitName: (unitId: string, date: string) => string): Record<string, unknown> {
	const row: Record<string, unknown> = {};
	// A 无 row may have no date: it is named as of its quarter's last day.
	for (const k of EVIDENCE_FIELDS)
		row[k] = k === 'unitName' ? unitName(e.unitId, e.date ?? quarterEnd(e.quarter)) : (e[k] ?? null);
	return row;
}

/** A rendered file: its path under `/data/`, its bytes and, for a JSON file, its rows. */
interface Rendered {
	path: string;
	/** Valid until the next file is asked for: an evidence file's bytes are a view of `TextBytes`'s buffer. */
	body: Uint8Array;
	rows?: readonly Record<string, unknown>[];
}

/**
 * A file's text as UTF-8, put in piece by piece, in one buffer kept for every file the stage writes (it grows to the
 * largest). A quarter's evidence file at city scale is 3–6 MB: made as one string and then its bytes, each file took
 * fresh memory twice, whose pages the system must clear first. That was a third of the evidence stage's time (large:
 * 9.2 s → 6.8 s, 440,000 → 156,000 page faults, the same bytes).
 */
export class TextBytes {
	#buffer: Buffer;
	#used = 0;
	constructor(size = 1 << 24) {
		this.#buffer = Buffer.allocUnsafeSlow(size);
	}
	/** The UTF-8 bytes of the pieces, one after another: a view of the buffer, valid until the next call. */
	of(pieces: Iterable<string>): Uint8Array {
		this.#used = 0;
		for (const piece of pieces) {
			// UTF-8 takes at most three bytes for each UTF-16 unit (four for a pair of them).
			if (this.#used + piece.length * 3 > this.#buffer.length) {
				const larger = Buffer.allocUnsafeSlow(
					Math.max(this.#buffer.length * 2, this.#used + piece.length * 3),
				);
				this.#buffer.copy(larger, 0, 0, this.#used);
				this.#buffer = larger;
			}
			this.#used += this.#buffer.write(piece, this.#used);
		}
		return this.#buffer.subarray(0, this.#used);
	}
}

/**
 * Renders a part's files one quarter at a time (each quarter's rows are made once for both twins). Generators, so
 * that the caller holds one quarter's files at a time.
 */
const render: Record<BulkPart, () => AsyncGenerator<Rendered>> = {
	evidence: renderEvidence,
	grades: renderGrades,
};

async function* renderEvidence(): AsyncGenerator<Rendered> {
	// Each quarter's rows in open-data shape are made when its files are, not held for the whole stage: at city scale
	// that is a million objects.
	const unitName = nameLookup(loadDataset().unitNames.map((n) => n.value));
	const records = recordPublication();
	const bytes = new TextBytes();
	for (const [quarter, list] of byQuarter()) {
		const rows = list.map((e) => openRow(publicEvidence(e, records), unitName));
		yield { path: `evidence/${quarter}.json`, body: bytes.of(jsonArrayPieces(rows)), rows };
		yield { path: `evidence/${quarter}.csv`, body: bytes.of(csvPieces(rows, EVIDENCE_FIELDS)) };
	}
}

async function* renderGrades(): AsyncGenerator<Rendered> {
	const rubrics = loadDataset().rubrics;
	for (const q of await scoredQuarters()) {
		const data = gradesJson(
			q,
			q.asOf,
			correctedUnits(q.quarter),
			previousScoreCorrections(q.quarter, q.release.releasedOn),
		);
		yield {
			path: `grades/${q.quarter}.json`,
			body: Buffer.from(JSON.stringify(data, null, 1)),
			rows: data.units,
		};
		const indicators = rubrics.get(q.rubric)!.indicators.map((i) => i.id);
		yield { path: `grades/${q.quarter}.csv`, body: Buffer.from(gradesCsv(q, indicators)) };
	}
}

interface Manifest {
	/** The build that wrote the files, if any. */
	build?: string;
	dataDir: string;
	asOf: string;
	files: Record<string, FileFacts>;
	/**
	 * The fields the data package gives each CSV file, which its Chinese twin's headers and words come from: written
	 * here, where the rubrics are at hand, so that the twins' stage need not load the dataset (0.5 GB at city scale,
	 * beside the astro build).
	 */
	csvFields: Record<string, Field[]>;
}

/** Writes a part's files and the manifest of their facts (the 写出开放数据 stages). */
export async function writeBulkFiles(part: BulkPart): Promise<{ files: number; bytes: number }> {
	rmSync(manifestFile(part), { force: true });
	rmSync(join(BULK_DIR, part), { recursive: true, force: true });
	const files: Record<string, FileFacts> = {};
	const csvFields: Record<string, Field[]> = {};
	const rubrics = [...loadDataset().rubrics.values()];
	let bytes = 0;
	for await (const { path, body, rows } of render[part]()) {
		const file = join(BULK_DIR, path);
		mkdirSync(dirname(file), { recursive: true });
		writeFileSync(file, body);
		files[path] = fileFacts(body, rows);
		bytes += body.byteLength;
		if (!path.endsWith('.csv')) continue;
		const fields = csvFieldsOf(path, rubrics);
		if (!fields) throw new Error(`开放数据 ${path} 没有数据包中的字段说明`);
		csvFields[path] = fields;
	}
	writeManifest(manifestFile(part), { files, csvFields });
	return { files: Object.keys(files).length, bytes };
}

/** The facts of both parts' files, each manifest checked against this build; throws with the fix when one does not
 * belong. */
function stagedFiles(): Record<string, FileFacts> {
	const files: Record<string, FileFacts> = {};
	for (const part of BULK_PARTS) Object.assign(files, readManifest<Manifest>(manifestFile(part)).files);
	return files;
}

/**
 * Writes a manifest of this build's open-data stages: what it lists, with the build, data folder and as-of date it
 * belongs to. Written last, aside and renamed: a manifest names only files that are complete.
 */
function writeManifest(file: string, content: Record<string, unknown>): void {
	const head = { build: process.env.XINYONG_BUILD_ID, dataDir: dataDir(), asOf: asOfDate() };
	writeFileSync(`${file}.tmp`, JSON.stringify({ ...head, ...content }));
	renameSync(`${file}.tmp`, file);
}

/** A manifest of this build's open-data stages; throws with the fix when it is missing or does not belong. */
function readManifest<T extends Omit<Manifest, 'files' | 'csvFields'>>(file: string): T {
	if (!existsSync(file))
		throw new Error(
			`找不到开放数据文件 ${file}：请用 npm run build 构建（其中的“写出开放数据”阶段写出这些文件）`,
		);
	const m = JSON.parse(readFileSync(file, 'utf8')) as T;
	const build = process.env.XINYONG_BUILD_ID;
	if (m.dataDir !== dataDir() || m.asOf !== asOfDate() || (build && m.build !== build))
		throw new Error(
			`${file} 是为 ${m.dataDir}（截至 ${m.asOf}）写出的，不属于本次构建：请用 npm run build 重新构建`,
		);
	return m;
}

const TWINS_MANIFEST = join(BULK_DIR, 'manifest-twins.json');
type TwinsManifest = Omit<Manifest, 'files' | 'csvFields'> & { twins: string[] };

/**
 * Writes the Chinese twin of every staged CSV file (`twin.ts`) next to it, with the fields the data package gives
 * the file (the 写出中文表头的 CSV stage, beside the astro build: at city scale the 160 evidence and grades twins are
 * a million rows, 7 s when they were written from the published files after the search index). Returns how many.
 */
export function writeBulkTwins(): number {
	rmSync(TWINS_MANIFEST, { force: true });
	const twins: string[] = [];
	for (const part of BULK_PARTS)
		for (const [path, fields] of Object.entries(readManifest<Manifest>(manifestFile(part)).csvFields)) {
			const twin = twinPath(path);
			writeFileSync(join(BULK_DIR, twin), twinCsv(fields, readFileSync(join(BULK_DIR, path), 'utf8')));
			twins.push(twin);
		}
	writeManifest(TWINS_MANIFEST, { twins });
	return twins.length;
}

/** Every bulk file's facts, for the data package and the 数据下载 page. */
export function bulkFacts(): Map<string, FileFacts> {
	return new Map(Object.entries(stagedFiles()));
}

/**
 * Puts the staged files and their Chinese twins into the built site's `/data/` (the 发布开放数据 stage): hard links, or
 * copies where the output folder is on another file system; then writes the twin of every other CSV file the site's
 * data package describes (`publishTwins`). Returns how many files.
 */
export function publishBulkFiles(outDir: string): number {
	const { twins } = readManifest<TwinsManifest>(TWINS_MANIFEST);
	const paths = [...Object.keys(stagedFiles()), ...twins];
	for (const path of paths) {
		const from = join(BULK_DIR, path);
		const to = join(outDir, 'data', path);
		mkdirSync(dirname(to), { recursive: true });
		rmSync(to, { force: true });
		try {
			linkSync(from, to);
		} catch {
			copyFileSync(from, to);
		}
	}
	return paths.length + publishTwins(outDir, new Set(twins));
}

/**
 * Writes the Chinese twin of every CSV file the data package of the site in `outDir` describes (`twin.ts`) but those
 * already `written` with their files (the evidence and grades files), next to it. Returns how many.
 */
function publishTwins(outDir: string, written: ReadonlySet<string>): number {
	const data = join(outDir, 'data');
	const pkg = JSON.parse(readFileSync(join(data, 'datapackage.json'), 'utf8')) as DataPackage;
	let n = 0;
	for (const r of pkg.resources) {
		if (r.format !== 'csv' || isTwin(r.path) || written.has(twinPath(r.path))) continue;
		const twin = join(data, twinPath(r.path));
		mkdirSync(dirname(twin), { recursive: true });
		writeFileSync(twin, twinCsv(r.schema.fields, readFileSync(join(data, r.path), 'utf8')));
		n++;
	}
	return n;
}
