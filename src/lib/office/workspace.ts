/**
 * The office page's data folder (/office/, 填报台): the files the clerk opened, held in memory and read by the very
 * validator the build runs through its `DataFiles` view; which table a dropped file or a workbook's sheet belongs to;
 * sheets written as the CSV files the repository stores. Pure: no DOM, no I/O.
 */
import Papa from 'papaparse';
import type { DataFiles } from '../validate/dataset.ts';
import type { CellEdit } from './protocol.ts';
import { INPUT_TABLES } from '../validate/tables.ts';
import { normHeader } from '../validate/read-table.ts';
import { toHalfWidth, type TableDef } from '../../schemas/table.ts';
import { decodeText, oneRowEnding } from '../csv.ts';

/** A `DataFiles` view of files held in memory, by their path in the data folder (`evidence/2024-Q1.csv`). */
export function memoryFiles(files: ReadonlyMap<string, Uint8Array>): DataFiles {
	// As the disk view (src/loaders/data-dir.ts): hidden files are not data.
	const hidden = (path: string) => path.split('/').some((p) => p.startsWith('.'));
	const under = (dir: string) => {
		const prefix = dir ? `${dir}/` : '';
		return [...files.keys()]
			.filter((k) => k.startsWith(prefix) && !hidden(k))
			.map((k) => k.slice(prefix.length));
	};
	return {
		list: (dir) =>
			under(dir)
				.filter((k) => !k.includes('/'))
				.sort(),
		dirs: (dir) => [...new Set(under(dir).flatMap((k) => (k.includes('/') ? [k.split('/')[0]] : [])))].sort(),
		read: (path) => (hidden(path) ? undefined : files.get(path)),
	};
}

/** A header cell as the validator matches it (read-table.ts): no BOM, half-width, no spaces. */

/** How many cells of a header name a column of the table (by its Chinese header or its key). */
function headerScore(def: TableDef, header: readonly string[]): number {
	const names = new Set(def.columns.flatMap((c) => [c.header, c.key]));
	return header.filter((h) => names.has(normHeader(h))).length;
}

/** A file name without folders and extension, lower case and half-width. */
const stem = (name: string) =>
	toHalfWidth(
		name
			.split('/')
			.pop()!
			.replace(/\.[^.]*$/, ''),
	)
		.trim()
		.toLowerCase();

/** The table a file (or sheet) is, or why none could be told. */
export type Placement = { def: TableDef; rel: string } | { problem: string };

/**
 * Which table of the data folder a dropped file or a workbook's sheet holds, and where it goes: by its header (the
 * table whose columns most of its header cells name), or else by its name (`units.xlsx`, `pledges (1).csv`). A table
 * with one file per quarter or year takes the quarter or year from the file or sheet name (`2024-Q1`, `2027`).
 * @param names the file name, then the sheet name when there is one
 */
export function placeFile(names: readonly string[], header: readonly string[] | undefined): Placement {
	const cells = (header ?? []).filter((h) => normHeader(h) !== '');
	const scored = INPUT_TABLES.map((def) => ({ def, score: headerScore(def, cells) })).sort(
		(a, b) => b.score - a.score,
	);
	const best = scored[0];
	const byHeader =
		best.score >= 2 && best.score * 2 >= cells.length && best.score > (scored[1]?.score ?? 0)
			? best.def
			: undefined;
	// A file or sheet named as a quarter (`2026-Q4.xlsx`, as the office guide names the quarter's evidence) is that
	// quarter's evidence even when its header is not in row 1: a title row merged above it ("2026年第四季度评价记录表")
	// is then the validator's header-not-first, said with its rows, not "看不出是哪一张数据表".
	const byName = INPUT_TABLES.find((def) =>
		names.some((n) => {
			const s = stem(n).replace(/\s*\(\d+\)$/, '');
			return (
				s === stem(def.path) ||
				s === def.name ||
				s === def.title ||
				(def.name === 'evidence' && /^\d{4}\s*-?\s*q\s*[1-4]$/.test(s))
			);
		}),
	);
	const def = byHeader ?? byName;
	if (!def)
		return {
			problem: `看不出是哪一张数据表：表头应与模板一致（第一行是列名，如 ${INPUT_TABLES[0].columns
				.slice(0, 3)
				.map((c) => c.header)
				.join('、')} …），或把文件命名为数据表的文件名（如 units.csv）`,
		};
	if (!def.path.includes('*')) return { def, rel: def.path };
	const [pre, post] = def.path.split('*');
	if (def.name === 'evidence') {
		for (const n of names) {
			const m = toHalfWidth(n).match(/(\d{4})\s*-?\s*Q\s*([1-4])/i);
			if (m) return { def, rel: `${pre}${m[1]}-Q${m[2]}${post}` };
		}
		return {
			problem: `是${def.title}，但从文件名或工作表名看不出是哪个季度：请命名为 2024-Q1.xlsx 这样（年份-Q季度）`,
		};
	}
	for (const n of names) {
		const m = toHalfWidth(n).match(/(?<!\d)(\d{4})(?!\d)/);
		if (m) return { def, rel: `${pre}${m[1]}${post}` };
	}
	return { problem: `是${def.title}，但从文件名或工作表名看不出年份：请命名为 2027.xlsx 这样` };
}

/**
 * Which table a dropped CSV file holds (`placeFile`, by its header row as the validator reads it, or by its name); or,
 * when its bytes are no text the validator can read (Excel's "Unicode 文本" saved as .csv, a NUL byte), why: the
 * validator's own bad-encoding message, which says what to do, rather than that the table cannot be told.
 */
export function placeCsv(name: string, bytes: Uint8Array): Placement {
	const decoded = decodeText(bytes, name, 'csv');
	if (decoded.text === undefined) {
		const why = decoded.issues.filter((i) => i.severity === 'error').map((i) => i.message);
		if (why.length) return { problem: why.join('；') };
		return placeFile([name], undefined);
	}
	const { text, newline } = oneRowEnding(decoded.text);
	return placeFile([name], Papa.parse<string[]>(text, { preview: 1, newline }).data[0]);
}

/**
 * A sheet's rows as the CSV file the repository stores: UTF-8 with a BOM (Excel and WPS need it), CRLF line ends,
 * quotes only where a cell needs them — the form `npm run new:quarter` writes (`placeholderCsv`).
 */
export function rowsToCsv(rows: readonly (readonly string[])[]): Uint8Array {
	if (rows.length === 0) return new TextEncoder().encode('\uFEFF');
	return new TextEncoder().encode('\uFEFF' + Papa.unparse(rows as string[][], { newline: '\r\n' }) + '\r\n');
}

/**
 * Cells typed in the grid, set in a table's rows (in place). Only an edited row changes, and only as far as it must:
 * widened to the edited column when shorter. The other rows keep their cells as read, a row with a cell too many
 * included, so its `extra-cell` stays the one problem said of it (widening every row to the widest had made that
 * surplus cell a blank column of the header, and every line of the file gained a comma).
 */
export function editCells(rows: string[][], edits: readonly CellEdit[]): void {
	// A row past the end is a new record: as wide as the header, as a spreadsheet writes it.
	const width = rows[0]?.length ?? 0;
	for (const e of edits) {
		while (rows.length < e.row) rows.push(new Array<string>(width).fill(''));
		const row = rows[e.row - 1];
		while (row.length < e.column) row.push('');
		row[e.column - 1] = e.value;
	}
}
