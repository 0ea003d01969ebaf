/**
 * The bulk open-data files: each quarter's evidence rows and grades, as JSON and CSV. At city scale (120 units × 80
 * quarters) that is 320 files, a million rows and 150 MB. Rendered inside the Astro build they cost about 15 s, and
 * as much again with 600 MB held to size and hash them for the data package; the build's 写出开放数据 stage
 * (`scripts/opendata.ts`) writes them once instead, with their facts (`facts.ts`), to `.cache/opendata/`. The
 * endpoints under `src/pages/data/evidence/` and `src/pages/data/grades/` serve those bytes and the data package reads
 * the facts.
 *
 * Staged files are used only by the build that wrote them (`XINYONG_BUILD_ID`, as for the dataset snapshot), for the
 * same data folder and as-of date. Otherwise — `astro dev`, or `astro build` run alone — every file is rendered in
 * process from the same functions, so the bytes are the same either way.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadDataset } from '../../loaders/pipeline.ts';
import { dataDir } from '../../loaders/data-dir.ts';
import { asOfDate } from '../asof.ts';
import { scoredQuarters } from '../site/quarters.ts';
import type { Evidence } from '../validate/dataset.ts';
import { gradesCsv, gradesJson, toCsv } from '../opendata.ts';
import { fileFacts, type FileFacts } from './facts.ts';

/** Where the stage writes the files, and the manifest of their facts. */
export const BULK_DIR = resolve(process.env.CACHE_DIR || '.cache', 'opendata');
const MANIFEST = join(BULK_DIR, 'manifest.json');

/** Evidence field order in open data. */
export const EVIDENCE_FIELDS = [
	'id',
	'quarter',
	'unitId',
	'indicatorId',
	'kind',
	'date',
	'count',
	'points',
	'what',
	'source',
	'reason',
] as const;

let grouped: { evidence: unknown; by: Map<string, Evidence[]> } | undefined;

/** The published evidence rows of each quarter, sorted by id: references into the dataset, grouped once per build. */
function byQuarter(): Map<string, Evidence[]> {
	const evidence = loadDataset().evidence;
	if (grouped?.evidence === evidence) return grouped.by;
	const by = new Map<string, Evidence[]>();
	for (const { value } of evidence) {
		// A blank pre-filled row (new:quarter's template, not yet filled in) is a placeholder, not a fact: not published.
		if (!value.date) continue;
		const list = by.get(value.quarter);
		if (list) list.push(value);
		else by.set(value.quarter, [value]);
	}
	for (const list of by.values()) list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	grouped = { evidence, by };
	return by;
}

/** The quarters with published evidence rows (one evidence file each). */
export function evidenceFileQuarters(): string[] {
	return [...byQuarter().keys()];
}

/**
 * One quarter's evidence rows in open-data shape (every field of `EVIDENCE_FIELDS`, null when empty). Built when the
 * quarter's file is rendered rather than held for the whole build: at city scale that is a million objects.
 */
export function evidenceRows(quarter: string): Record<string, unknown>[] {
	return (byQuarter().get(quarter) ?? []).map((e) => {
		const row: Record<string, unknown> = {};
		for (const k of EVIDENCE_FIELDS) row[k] = e[k] ?? null;
		return row;
	});
}

/** A rendered file: its path under `/data/`, its bytes and, for a JSON file, its rows. */
interface Rendered {
	path: string;
	body: Buffer<ArrayBuffer>;
	rows?: readonly Record<string, unknown>[];
}

/**
 * Renders the bulk files one quarter at a time (each quarter's rows are made once for both twins), or only `only`.
 * A generator, so that a caller holds one quarter's files at a time.
 */
async function* render(only?: string): AsyncGenerator<Rendered> {
	const wanted = (path: string) => only === undefined || only === path;
	for (const quarter of evidenceFileQuarters()) {
		const json = `evidence/${quarter}.json`;
		const csv = `evidence/${quarter}.csv`;
		if (!wanted(json) && !wanted(csv)) continue;
		const rows = evidenceRows(quarter);
		if (wanted(json)) yield { path: json, body: Buffer.from(JSON.stringify(rows, null, 1)), rows };
		if (wanted(csv)) yield { path: csv, body: Buffer.from(toCsv(rows, EVIDENCE_FIELDS)) };
	}
	const rubrics = loadDataset().rubrics;
	for (const q of await scoredQuarters()) {
		const json = `grades/${q.quarter}.json`;
		const csv = `grades/${q.quarter}.csv`;
		if (wanted(json)) {
			const data = gradesJson(q, q.asOf);
			yield { path: json, body: Buffer.from(JSON.stringify(data, null, 1)), rows: data.units };
		}
		if (wanted(csv)) {
			const indicators = rubrics.get(q.rubric)!.indicators.map((i) => i.id);
			yield { path: csv, body: Buffer.from(gradesCsv(q, indicators)) };
		}
	}
}

interface Manifest {
	build: string;
	dataDir: string;
	asOf: string;
	files: Record<string, FileFacts>;
}

/** Writes every bulk file and the manifest of their facts (the 写出开放数据 stage). */
export async function writeBulkFiles(): Promise<{ files: number; bytes: number }> {
	const build = process.env.XINYONG_BUILD_ID;
	rmSync(BULK_DIR, { recursive: true, force: true });
	const files: Record<string, FileFacts> = {};
	let bytes = 0;
	for await (const { path, body, rows } of render()) {
		const file = join(BULK_DIR, path);
		mkdirSync(dirname(file), { recursive: true });
		writeFileSync(file, body);
		files[path] = fileFacts(body, rows);
		bytes += body.byteLength;
	}
	if (build) {
		const manifest: Manifest = { build, dataDir: dataDir(), asOf: asOfDate(), files };
		// Written last, aside and renamed: a manifest names only files that are complete.
		writeFileSync(`${MANIFEST}.tmp`, JSON.stringify(manifest));
		renameSync(`${MANIFEST}.tmp`, MANIFEST);
	}
	return { files: Object.keys(files).length, bytes };
}

let staged: { key: string; manifest: Manifest | undefined } | undefined;

/** The manifest of this build's staged files, when there is one for this data folder and as-of date. */
function manifest(): Manifest | undefined {
	const build = process.env.XINYONG_BUILD_ID;
	const key = `${build}\0${dataDir()}\0${asOfDate()}`;
	if (staged?.key === key) return staged.manifest;
	let m: Manifest | undefined;
	if (build && existsSync(MANIFEST)) {
		const read = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Manifest;
		if (read.build === build && read.dataDir === dataDir() && read.asOf === asOfDate()) m = read;
	}
	staged = { key, manifest: m };
	return m;
}

/** Every bulk file's facts: from the stage's manifest, or by rendering the files here (keeping only the facts). */
export async function bulkFacts(): Promise<Map<string, FileFacts>> {
	const m = manifest();
	if (m) return new Map(Object.entries(m.files));
	const facts = new Map<string, FileFacts>();
	for await (const { path, body, rows } of render()) facts.set(path, fileFacts(body, rows));
	return facts;
}

/** One bulk file's bytes: the staged file, or rendered here. */
export async function bulkBody(path: string): Promise<Buffer<ArrayBuffer>> {
	if (manifest()?.files[path]) return readFileSync(join(BULK_DIR, path));
	for await (const file of render(path)) return file.body;
	throw new Error(`没有开放数据文件 ${path}`);
}
