/**
 * `npm run validate -- --fix`: the safe normalisations, and nothing else. Each one leaves the meaning of every cell
 * exactly as the validator reads it, or turns a value the validator refuses into the one spelling its message asks for:
 *
 *  - encoding: a UTF-8 file gets a BOM (Excel and WPS need it to open the file as UTF-8); a GBK/GB18030 or UTF-16
 *    file is re-encoded as UTF-8 with a BOM; a file whose encoding is not certain (mixed, unknown) is left alone;
 *  - full-width letters, digits and signs (`３`, `Ａ类`, `２０２２－０１－０１`) become half-width in every cell that is not
 *    free text (codes, numbers, dates, options);
 *  - spaces before and after a cell's value are removed (the validator ignores them);
 *  - a date written `2022/11/22`, `2022.11.22`, `20221122` or `2022年11月22日`, or with a midnight time as Excel and WPS
 *    export a date cell formatted with one (`2022/11/22 0:00:00`), becomes `2022-11-22` when it is a real date;
 *  - a 出生年月 that a spreadsheet made a date (`1986/4/1`, `1986-04-01`, `1986年4月`) or typed `1986.04` becomes
 *    `1986-04` (a cell's own `fix`; never an ambiguous one such as `1986.1`, which may be 1986.10 cut short);
 *  - blank columns at the header's end that are empty on every row (Excel and WPS export a column once formatted) are
 *    taken off, as the validator ignores them.
 *
 * Free text (事项, 理由, names …) is never changed except for its outer spaces. Only the changed cells are rewritten;
 * quoting and line endings elsewhere stay as they were. A file whose CSV structure the validator would reject
 * (unclosed quotes …) is left alone: the validator's own messages come first. Pure: bytes in, bytes out.
 */
import { decodeText, parseCsv } from '../csv.ts';
import { suggestIsoDate, toHalfWidth, type Column, type TableDef } from '../../schemas/table.ts';
import type { DataFiles } from './dataset.ts';
import { INPUT_TABLES, matchesTablePath } from './tables.ts';
import { namedWidth, normHeader } from './read-table.ts';

/** One change, located like a validator issue: `path:line:column: 原值 → 新值`. */
export interface FixChange {
	file: string;
	line: number;
	column: number;
	from: string;
	to: string;
}

/** The outcome for one file: its new bytes when anything changed, the changes, or why it was left alone. */
export interface FixResult {
	/** Path under the data folder. */
	rel: string;
	bytes?: Uint8Array;
	changes: FixChange[];
	skipped?: string;
}

/** Formats a change the way issues are printed, so editors can jump to it. */
export function formatChange(c: FixChange): string {
	return `${c.file}:${c.line}:${c.column}: ${c.from} → ${c.to}`;
}

const BOM = '\uFEFF';

/** A cell in the text: where its raw form starts and ends, its value, and whether it was quoted. */
export interface Span {
	start: number;
	end: number;
	value: string;
	quoted: boolean;
}

/**
 * Splits CSV text (RFC 4180: `,` between cells, `"` quotes with `""` inside, any line ending) into rows of cell spans
 * with the physical line each row starts on, read as the validator reads it (papaparse, as Excel does): a quote inside
 * a cell not quoted from its start is part of the value, and spaces between a closing quote and the comma or line end
 * belong to no value. Returns undefined on a quote error (the validator reports those). test/unit/fix-property.test.ts
 * holds the two readings to the same cells on generated files. A row's `end` is where its line ending (or the text)
 * starts: after any spaces behind its last closing quote, so what is added to the row goes after them.
 */
export function tokenize(text: string): { line: number; cells: Span[]; end: number }[] | undefined {
	const rows: { line: number; cells: Span[]; end: number }[] = [];
	let i = 0;
	let line = 1;
	while (i < text.length) {
		const cells: Span[] = [];
		const rowLine = line;
		for (;;) {
			const start = i;
			/** Where the cell's text ends: after its closing quote, or where the next comma or line end starts. */
			let cellEnd: number | undefined;
			let value = '';
			let quoted = false;
			if (text[i] === '"') {
				quoted = true;
				i++;
				for (;;) {
					if (i >= text.length) return undefined;
					if (text[i] === '"') {
						if (text[i + 1] === '"') {
							value += '"';
							i += 2;
							continue;
						}
						i++;
						break;
					}
					if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) line++;
					value += text[i++];
				}
				// Spaces between the closing quote and the comma or line end belong to no value, as the validator reads them,
				// and stay outside the cell's span: a rewritten cell keeps them after it, and a cut from the cell's end takes
				// them too (left at the end of the file they would make the validator read the quote as text).
				cellEnd = i;
				while (i < text.length && text[i] !== '\r' && text[i] !== '\n' && /\s/.test(text[i])) i++;
				if (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') return undefined;
			} else {
				// A quote inside a cell not quoted from its start is a character of its value, as the validator (and Excel)
				// read it.
				while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') value += text[i++];
			}
			cells.push({ start, end: cellEnd ?? i, value, quoted });
			if (text[i] === ',') {
				i++;
				continue;
			}
			break;
		}
		const end = i;
		if (text[i] === '\r') i++;
		if (text[i] === '\n') i++;
		line++;
		rows.push({ line: rowLine, cells, end });
	}
	return rows;
}

/** Whether a column holds free text (the only cells whose full-width characters are left as typed). */
const isFreeText = (c: Column) =>
	c.cell.type === 'string' && !c.cell.choices && !c.cell.pattern && !c.cell.format;

/** The safe form of a cell's value. */
function fixValue(c: Column | undefined, v: string): string {
	if (!c) return v.trim();
	let out = isFreeText(c) ? v : toHalfWidth(v);
	out = out.trim();
	if (c.cell.type === 'date' && out && !/^\d{4}-\d{2}-\d{2}$/.test(out)) out = suggestIsoDate(out) ?? out;
	// Only a value the cell refuses: an accepted one is never rewritten.
	else if (c.cell.fix && out && !c.cell.schema.safeParse(out).success) out = c.cell.fix(out) ?? out;
	return out;
}

/** How a value is written back: quoted when it needs it, or when it was quoted before. */
export function serialise(value: string, wasQuoted: boolean): string {
	return wasQuoted || /[",\r\n]/.test(value) || value !== value.trim()
		? `"${value.replace(/"/g, '""')}"`
		: value;
}

/**
 * Applies the safe normalisations to one CSV file of a table.
 * @param accept which cell changes to make (the office page offers them one by one); by default all. The encoding
 *   changes are always made: the bytes written are UTF-8 with a BOM.
 */
export function fixCsv(
	def: TableDef,
	bytes: Uint8Array,
	shown: string,
	rel: string,
	accept: (change: FixChange) => boolean = () => true,
): FixResult {
	// A file whose encoding is not certain (decodeText says why) is never rewritten: that would make mojibake permanent.
	// An empty file has nothing to fix: a BOM alone would make it a file with content, and still no header.
	if (bytes.length === 0) return { rel, changes: [] };
	const decoded = decodeText(bytes, shown, 'csv');
	if (decoded.text === undefined) return { rel, changes: [], skipped: '编码无法确定，未修改（见检查结果）' };
	// A GBK file that may have lost characters (written as ?) stays as it is: in UTF-8 the ? would look typed, and the
	// warning that points at them would be gone after the fix. Saved again from the workbook, the characters come back.
	if (decoded.issues.some((i) => i.code === 'gbk-lost-char'))
		return {
			rel,
			changes: [],
			skipped:
				'文件中可能有 GBK 存不下、被换成 ? 的字（见检查结果），未修改：请从原表格重新另存为“CSV UTF-8（逗号分隔）”',
		};
	const changes: FixChange[] = [];
	if (decoded.encoding === 'utf-8')
		changes.push({ file: shown, line: 1, column: 1, from: 'UTF-8（无 BOM）', to: 'UTF-8（带 BOM）' });
	if (decoded.encoding === 'gb18030')
		changes.push({ file: shown, line: 1, column: 1, from: 'GBK/GB18030 编码', to: 'UTF-8（带 BOM）' });
	if (decoded.encoding === 'utf-16')
		changes.push({ file: shown, line: 1, column: 1, from: 'UTF-16 编码', to: 'UTF-8（带 BOM）' });
	const text = decoded.text;
	const rows = tokenize(text);
	const parsed = parseCsv(text, shown);
	// Only rewrite what reads the same way the validator reads it: same rows, same cells, same lines.
	const nonBlank = rows?.filter((r) => r.cells.some((c) => c.value.trim() !== ''));
	const table = parsed.table;
	const same =
		nonBlank &&
		table &&
		parsed.issues.length === 0 &&
		nonBlank.length === table.rows.length + 1 &&
		[{ line: 1, cells: table.header }, ...table.rows].every(
			(r, i) =>
				(i === 0 || r.line === nonBlank[i].line) &&
				r.cells.length === nonBlank[i].cells.length &&
				r.cells.every((c, j) => c === nonBlank[i].cells[j].value),
		);
	if (!same) {
		const encodingOnly = changes.length ? withBom(text) : undefined;
		return {
			rel,
			bytes: encodingOnly,
			changes,
			skipped: 'CSV 结构有问题（引号、空文件等），单元格未修正；请先按检查结果改正',
		};
	}
	const [header, ...data] = nonBlank;
	const columns = header.cells.map((h) => {
		const name = normHeader(h.value);
		return def.columns.find((c) => c.header === name || c.key === name);
	});
	/** Edits in text order: a cell's new value, or (`raw`) text that replaces the span as it is. */
	const edits: { span: Span; to: string; raw?: boolean }[] = [];
	// The blank columns at the header's end, taken off when no row has anything there: from the end of the last
	// named cell to the end of the row, on every row that reaches that far. Not when a row is longer than the whole
	// header: it was split at a comma that is no separator, and cutting its empty end would hide the shift.
	const named = namedWidth(header.cells.map((c) => c.value));
	const tail =
		named < header.cells.length &&
		rows!.every(
			(r) => r.cells.length <= header.cells.length && r.cells.slice(named).every((c) => !c.value.trim()),
		);
	const tailChange = {
		file: shown,
		line: header.line,
		column: named + 1,
		from: `表头最后没有列名的空列（第 ${named + 1}～${header.cells.length} 列）`,
		to: '删去',
	};
	const cutTail = tail && accept(tailChange);
	if (cutTail) changes.push(tailChange);
	const cut = (cells: readonly Span[]) => {
		if (cutTail && cells.length > named)
			edits.push({
				span: { ...cells[named - 1], start: cells[named - 1].end, end: cells.at(-1)!.end },
				to: '',
				raw: true,
			});
	};
	const edit = (line: number, j: number, span: Span, to: string) => {
		if (to === span.value) return;
		const change = {
			file: shown,
			line,
			column: j + 1,
			from: JSON.stringify(span.value),
			to: JSON.stringify(to),
		};
		if (!accept(change)) return;
		edits.push({ span, to });
		changes.push(change);
	};
	const width = cutTail ? named : columns.length;
	header.cells.forEach((span, j) => j < width && edit(header.line, j, span, span.value.trim()));
	cut(header.cells);
	// Blank rows are not data (the validator skips them), but they carry the blank columns too.
	const dataRows = new Set(data);
	for (const row of rows!.slice(rows!.indexOf(header) + 1)) {
		if (dataRows.has(row))
			row.cells.forEach((span, j) => {
				if (j < width) edit(row.line, j, span, fixValue(columns[j], span.value));
			});
		cut(row.cells);
	}
	if (changes.length === 0) return { rel, changes };
	let out = '';
	let at = 0;
	for (const { span, to, raw } of edits) {
		out += text.slice(at, span.start) + (raw ? to : serialise(to, span.quoted));
		at = span.end;
	}
	out += text.slice(at);
	return { rel, bytes: withBom(out), changes };
}

const withBom = (text: string): Uint8Array => new TextEncoder().encode(BOM + text);

/**
 * Runs `fixCsv` on every CSV file of every input table in a data folder; returns the files it would change.
 * @param shown how paths are shown (e.g. `data/`), as for the validator
 */
export function fixFolder(files: DataFiles, shown = 'data/'): FixResult[] {
	const out: FixResult[] = [];
	const dirs = new Set(
		INPUT_TABLES.map((t) => (t.path.includes('/') ? t.path.slice(0, t.path.lastIndexOf('/')) : '')),
	);
	for (const dir of [...dirs].sort())
		for (const name of files.list(dir)) {
			const rel = dir ? `${dir}/${name}` : name;
			const def = INPUT_TABLES.find((t) => matchesTablePath(t, rel));
			const bytes = def && files.read(rel);
			if (!def || !bytes) continue;
			const r = fixCsv(def, bytes, shown + rel, rel);
			if (r.changes.length || r.skipped) out.push(r);
		}
	return out;
}
