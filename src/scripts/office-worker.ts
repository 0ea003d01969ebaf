/**
 * The office page's worker: holds the opened data folder in memory, reads workbooks into the CSV files the
 * repository stores, runs the validator the build runs (`validateDataset`; over just the files when only files were
 * given, `checkFilesAlone`), offers the `--fix` corrections, previews draft quarters as `npm run report` does, and writes the
 * corrected files. Nothing is sent anywhere: the page's CSP allows no connection.
 */
import Papa from 'papaparse';
import { zipSync, type Zippable } from 'fflate';
import { validateDataset } from '../lib/validate/dataset.ts';
import { tableForPath } from '../lib/validate/tables.ts';
import { decodePhotos, type PhotoDecoder } from '../lib/validate/photo-pixels.ts';
import { fixCsv } from '../lib/validate/fix.ts';
import { decodeText, oneRowEnding } from '../lib/csv.ts';
import { hasErrors, sortIssues, type Issue } from '../lib/issues.ts';
import { shanghaiDate } from '../lib/asof.ts';
import { datasetLedgerIssues, draftQuarters, quarterReport, scoreDataset } from '../lib/office/report.ts';
import { editCells, memoryFiles, placeCsv, placeFile, rowsToCsv } from '../lib/office/workspace.ts';
import { checkFilesAlone } from '../lib/office/files-alone.ts';
import { dataRoot } from '../lib/office/paths.ts';
import { readWorkbook, workbookSheets } from '../lib/office/xlsx.ts';
import { LISTS_SHEET, NOTES_SHEET } from '../lib/office/templates.ts';
import {
	FIX_LIMIT,
	ISSUE_LIMIT,
	REST_OF_FIXES,
	type CheckResult,
	type FileFixes,
	type FromWorker,
	type OpenedFile,
	type ToWorker,
} from '../lib/office/protocol.ts';

/** How paths are shown in messages: as `npm run validate` shows them from the repository's folder. */
const SHOWN = 'data/';

/** The data folder as opened and changed. */
const files = new Map<string, Uint8Array>();
/** Where a file came from, when it is not the folder's own file. */
const sources = new Map<string, string>();
/** Files new or changed since they were opened. */
const changed = new Set<string>();
/** Each table's rows, as the grid shows them (parsed when first asked for). */
const grids = new Map<string, string[][]>();
let folder = false;
let unplaced: { name: string; problem: string }[] = [];
let lastIssues: Issue[] = [];

const post = (m: FromWorker, transfer: Transferable[] = []) => postMessage(m, { transfer });
const progress = (label: string, done?: number, total?: number) =>
	post({ type: 'progress', label, done, total });

const WORKBOOK = /\.(xlsx|xlsm|xls|ods)$/i;

/** The records of a file's text, their row endings read as the validator reads them (see `oneRowEnding`). */
function recordsOf(csv: string, config: { delimiter?: string; preview?: number }): string[][] {
	const { text, newline } = oneRowEnding(csv);
	return Papa.parse<string[]>(text, { ...config, newline }).data;
}

/** The rows of a table file, as the validator reads them (its row n is index n - 1). */
function gridOf(rel: string): string[][] {
	let grid = grids.get(rel);
	if (grid) return grid;
	const bytes = files.get(rel);
	const text = bytes ? decodeText(bytes, SHOWN + rel, 'csv').text : undefined;
	grid = text === undefined ? [] : recordsOf(text, { delimiter: ',' });
	// The line break after the last row is not a row.
	while (grid.length && grid[grid.length - 1].every((c) => c === '')) grid.pop();
	grids.set(rel, grid);
	return grid;
}

/** A file that could not be read (changed, moved or deleted since it was chosen, or not allowed): said as it is. */
class Unreadable extends Error {}

/** Reads the opened files' bytes, with progress. */
async function readAll(list: OpenedFile[]): Promise<{ path: string; bytes: Uint8Array }[]> {
	const out = [];
	for (const [i, f] of list.entries()) {
		if (i % 20 === 0) progress('正在读取文件', i, list.length);
		try {
			out.push({ path: f.path, bytes: new Uint8Array(await f.file.arrayBuffer()) });
		} catch {
			// The browser's own reason is in English, and is one of these.
			throw new Unreadable(
				`无法读取文件 ${f.path}：放入之后它被修改、移动或删除了，或者没有读取权限。请关闭正在编辑它的程序，再重新放入。`,
			);
		}
	}
	return out;
}

/** Places a dropped or chosen file (a CSV file, or every data sheet of a workbook) in the data folder. */
function addFile({ path, bytes }: { path: string; bytes: Uint8Array }, batch: Map<string, string>): void {
	const name = path.split('/').pop()!;
	// Two files (or sheets) of one pick that are the same table: the second would silently replace the first, and
	// the first's rows would be checked by no one. Neither wins; the clerk joins them into one.
	const place1 = (rel: string, label: string): boolean => {
		const first = batch.get(rel);
		if (first === undefined) {
			batch.set(rel, label);
			return true;
		}
		unplaced.push({
			name: label,
			problem: `与“${first}”是同一张表（${SHOWN}${rel}），一次只能放入其中一个：请把两部分的行合并到一个文件（或一个工作表）中再放入，这里只检查了“${first}”`,
		});
		return false;
	};
	if (bytes.length === 0) {
		unplaced.push({ name, problem: '文件是空的（0 字节）：请重新导出或保存后再放入' });
		return;
	}
	if (WORKBOOK.test(name)) {
		progress(`正在读取工作簿 ${name}`);
		let sheets;
		try {
			sheets = workbookSheets(readWorkbook(bytes), (done, total) =>
				progress(`正在读取工作簿 ${name}`, done, total),
			);
		} catch (e) {
			unplaced.push({ name, problem: (e as Error).message });
			return;
		}
		const data = sheets.filter(
			(sheet) => sheet.name !== NOTES_SHEET && sheet.name !== LISTS_SHEET && sheet.rows.length > 0,
		);
		if (data.length === 0) unplaced.push({ name, problem: '工作簿中没有数据：每个工作表都是空的' });
		for (const sheet of data) {
			const place = placeFile([name, sheet.name], sheet.rows[0]);
			const label = `${name}，工作表“${sheet.name}”`;
			if ('problem' in place) {
				unplaced.push({ name: label, problem: place.problem });
				continue;
			}
			if (!place1(place.rel, label)) continue;
			files.set(place.rel, rowsToCsv(sheet.rows));
			grids.set(place.rel, sheet.rows);
			sources.set(place.rel, label);
			changed.add(place.rel);
		}
		return;
	}
	if (!/\.csv$/i.test(name)) {
		unplaced.push({
			name,
			problem: '这里只能放入 .csv、.xlsx 文件；其他文件（JSON、MDX、照片）请用“打开数据文件夹”',
		});
		return;
	}
	const place = placeCsv(name, bytes);
	if ('problem' in place) {
		unplaced.push({ name, problem: place.problem });
		return;
	}
	if (!place1(place.rel, name)) return;
	files.set(place.rel, bytes);
	grids.delete(place.rel);
	if (name !== place.rel.split('/').pop()) sources.set(place.rel, name);
	else sources.delete(place.rel);
	changed.add(place.rel);
}

/**
 * Decodes a photo whole with the browser's own decoder, as the build does with sharp (photo-pixels.ts). Chromium's
 * `createImageBitmap` rejects a JPEG whose scan data is corrupt (a flipped byte: "bad Huffman code" to libjpeg).
 */
const decodeInBrowser: PhotoDecoder = async (bytes) => {
	const bitmap = await createImageBitmap(new Blob([bytes.slice()]));
	const size = { width: bitmap.width, height: bitmap.height };
	bitmap.close();
	return size;
};

/** Validates what is open, offers the fixes and previews the drafts; posts the result. */
async function check(): Promise<void> {
	progress('正在检查数据');
	const t0 = performance.now();
	const view = memoryFiles(files);
	let issues: Issue[];
	let drafts: CheckResult['drafts'] = [];
	let draftsBlocked: string | undefined;
	if (folder) {
		const dataset = validateDataset(view, SHOWN);
		// Every photo the checks accepted, decoded whole: one with corrupt image data is photo-corrupt, as on the CLI.
		if (dataset.photos.length) {
			progress('正在检查照片');
			await decodePhotos(dataset, view, decodeInBrowser, SHOWN);
		}
		issues = dataset.issues;
		const asOf = shanghaiDate(Date.now());
		if (!hasErrors(issues)) {
			progress('正在计算草稿季度的得分');
			const quarters = scoreDataset(dataset, asOf);
			// As npm run validate: a released quarter's results changed without a correction, and a correction dated
			// after today, are errors the build would stop on.
			issues = [...issues, ...datasetLedgerIssues(dataset, quarters, asOf)];
			drafts = draftQuarters(dataset, quarters, asOf).map((q) => ({
				quarter: q,
				lines: quarterReport(dataset, quarters, q, asOf),
			}));
		} else
			draftsBlocked =
				'数据还有错误：改正全部错误后，这里显示草稿季度的得分和等次预览（与 npm run report 相同）。';
	} else issues = checkFilesAlone(files, SHOWN);
	const ms = performance.now() - t0;
	lastIssues = sortIssues(issues);
	const fixes: FileFixes[] = [];
	for (const rel of [...files.keys()].sort()) {
		const def = tableForPath(rel);
		if (!def) continue;
		const r = fixCsv(def, files.get(rel)!, SHOWN + rel, rel);
		if (!r.changes.length && !r.skipped) continue;
		const rest = r.changes.slice(FIX_LIMIT);
		fixes.push({
			rel,
			changes: r.changes.slice(0, FIX_LIMIT),
			// Not Math.min(...lines): a file can have more fixes than a call takes arguments.
			rest: rest.length
				? {
						count: rest.length,
						first: rest.reduce((n, c) => Math.min(n, c.line), Infinity),
						last: rest.reduce((n, c) => Math.max(n, c.line), 0),
					}
				: undefined,
			skipped: r.skipped,
		});
	}
	const errors = lastIssues.filter((i) => i.severity === 'error').length;
	const result: CheckResult = {
		folder,
		files: [...files.keys()]
			.filter((rel) => (folder ? tableForPath(rel) || changed.has(rel) : true))
			.sort()
			.map((rel) => ({
				rel,
				source: sources.get(rel),
				title: tableForPath(rel)?.title,
				rows: tableForPath(rel) ? gridOf(rel).length : undefined,
				changed: changed.has(rel),
			})),
		issues: lastIssues.slice(0, ISSUE_LIMIT),
		errors,
		warnings: lastIssues.length - errors,
		fixes,
		drafts,
		draftsBlocked,
		unplaced,
		ms,
	};
	post({ type: 'result', result });
}

/** The corrected files: each changed file, or one with accepted fixes, as `npm run validate -- --fix` writes it. */
function exportFiles(accepted: Record<string, string[]>, zip: boolean): void {
	const out = new Map<string, Uint8Array>();
	for (const rel of [...files.keys()].sort()) {
		const take = new Set(accepted[rel] ?? []);
		if (!changed.has(rel) && take.size === 0) continue;
		const def = tableForPath(rel);
		const bytes = files.get(rel)!;
		if (!def) {
			out.set(rel, bytes);
			continue;
		}
		if (take.delete(REST_OF_FIXES))
			for (const c of fixCsv(def, bytes, SHOWN + rel, rel).changes.slice(FIX_LIMIT))
				take.add(`${c.line}:${c.column}`);
		const r = fixCsv(def, bytes, SHOWN + rel, rel, (c) => take.has(`${c.line}:${c.column}`));
		out.set(rel, r.bytes ?? bytes);
	}
	if (out.size === 0) return post({ type: 'failed', message: '没有新的或修改过的文件，也没有接受的修正。' });
	const names = [...out.keys()];
	if (!zip && out.size === 1) {
		const [rel, bytes] = [...out][0];
		const copy = bytes.slice();
		return post({ type: 'export', name: rel.split('/').pop()!, bytes: copy, files: names }, [copy.buffer]);
	}
	const entries: Zippable = {};
	for (const [rel, bytes] of out) entries[SHOWN + rel] = [bytes, { mtime: new Date(1980, 0, 1) }];
	const bytes = zipSync(entries, { level: 6 });
	post({ type: 'export', name: '数据文件.zip', bytes, files: names }, [bytes.buffer]);
}

async function handle(m: ToWorker): Promise<void> {
	switch (m.type) {
		case 'folder': {
			const opened = await readAll(m.files);
			files.clear();
			sources.clear();
			changed.clear();
			grids.clear();
			unplaced = [];
			const root = dataRoot(opened.map((f) => f.path));
			for (const f of opened) if (f.path.startsWith(root)) files.set(f.path.slice(root.length), f.bytes);
			folder = true;
			return check();
		}
		case 'files': {
			const opened = await readAll(m.files);
			unplaced = [];
			const batch = new Map<string, string>();
			opened.forEach((f) => addFile(f, batch));
			return check();
		}
		case 'edit': {
			const grid = gridOf(m.rel);
			editCells(grid, m.edits);
			files.set(m.rel, rowsToCsv(grid));
			changed.add(m.rel);
			return check();
		}
		case 'rows': {
			const grid = gridOf(m.rel);
			const from = Math.max(1, m.from);
			const to = from + m.count;
			const issues = lastIssues.filter(
				(i) => i.file === SHOWN + m.rel && i.row !== undefined && i.row >= from && i.row < to,
			);
			return post({
				type: 'rows',
				rel: m.rel,
				from,
				rows: grid.slice(from - 1, to - 1),
				total: grid.length,
				issues,
			});
		}
		case 'export':
			return exportFiles(m.accepted, m.zip);
	}
}

/** The messages in the order they came: reading the files of one waits, and the next must not overtake it. */
let queue = Promise.resolve();
onmessage = (e: MessageEvent<ToWorker>) => {
	queue = queue
		.then(() => handle(e.data))
		.catch((err: Error) =>
			post({
				type: 'failed',
				message:
					err instanceof Unreadable
						? err.message
						: // No stack trace reaches the office: one line, as the command line says it.
							`检查程序内部错误：${err.message}。这不是数据的问题，请把这条信息告诉网站维护人员。`,
			}),
		);
};
