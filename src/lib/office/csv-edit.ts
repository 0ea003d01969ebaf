/**
 * Writing to the office's CSV files from the office tools (`npm run release`): append a row, or set one cell of a row,
 * leaving every other byte of the file as it was (quoting, line endings, the BOM), as `validate --fix` does. Works on
 * the text of a UTF-8 file; the caller refuses any other encoding. Pure: text in, text out.
 */
import type { TableDef } from '../../schemas/table.ts';
import { serialise, tokenize, type Span } from '../validate/fix.ts';
import { normHeader } from '../validate/read-table.ts';

/** The text's line ending: CRLF when it has one, else LF. */
const eolOf = (text: string) => (text.includes('\r\n') ? '\r\n' : '\n');

/** The header's cells, each as the key of the column it names (undefined for an unknown header). */
function headerKeys(def: TableDef, header: Span[]): (string | undefined)[] {
	return header.map((h) => {
		const name = normHeader(h.value);
		return def.columns.find((c) => c.header === name || c.key === name)?.key;
	});
}

/** A new file of the table: the BOM, its header and the rows. */
export function newTableText(def: TableDef, rows: readonly Record<string, string>[]): string {
	const lines = [def.columns.map((c) => serialise(c.header, false)).join(',')];
	for (const r of rows) lines.push(def.columns.map((c) => serialise(r[c.key] ?? '', false)).join(','));
	return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * The text with rows appended, their cells in the order of the file's header (a column the header lacks is left
 * out; the caller checks for required ones with `missingColumns`). Throws when the text is not well-formed CSV.
 */
export function appendRows(def: TableDef, text: string, rows: readonly Record<string, string>[]): string {
	const parsed = tokenize(text.replace(/^\uFEFF/, ''));
	if (!parsed?.length) throw new Error('CSV 结构有问题');
	const keys = headerKeys(def, parsed[0].cells);
	const eol = eolOf(text);
	let out = text;
	if (!/[\r\n]$/.test(out)) out += eol;
	for (const r of rows) out += keys.map((k) => serialise(k ? (r[k] ?? '') : '', false)).join(',') + eol;
	return out;
}

/** The keys of a table's columns that a file's header lacks. */
export function missingColumns(def: TableDef, text: string): string[] {
	const parsed = tokenize(text.replace(/^\uFEFF/, ''));
	const keys = new Set(parsed?.length ? headerKeys(def, parsed[0].cells) : []);
	return def.columns.filter((c) => !keys.has(c.key)).map((c) => c.key);
}

/**
 * The text with one cell of the row that starts on `line` set to `value`. When the header has no column for `key`
 * (an optional column the file was made without), the column is added at the end of every row, empty but for this
 * row. Throws when the text is not well-formed CSV or has no row on that line.
 */
export function setCell(def: TableDef, text: string, line: number, key: string, value: string): string {
	const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
	const body = text.slice(bom.length);
	const parsed = tokenize(body);
	if (!parsed?.length) throw new Error('CSV 结构有问题');
	const row = parsed.find((r) => r.line === line);
	if (!row || row === parsed[0]) throw new Error(`第 ${line} 行不是数据行`);
	const keys = headerKeys(def, parsed[0].cells);
	const j = keys.indexOf(key);
	const edits: { start: number; end: number; to: string }[] = [];
	if (j >= 0) {
		const span = row.cells[j];
		if (span) edits.push({ start: span.start, end: span.end, to: serialise(value, span.quoted) });
		else {
			// A short row: pad it to the column.
			// After any spaces behind the row's last closing quote (`tokenize`), or they would end up after the value.
			edits.push({
				start: row.end,
				end: row.end,
				to: ','.repeat(j - row.cells.length + 1) + serialise(value, false),
			});
		}
	} else {
		const header = def.columns.find((c) => c.key === key)!.header;
		for (const r of parsed) {
			if (r.cells.every((c) => c.value.trim() === '') && r !== parsed[0]) continue;
			const cell = r === parsed[0] ? header : r === row ? value : '';
			edits.push({ start: r.end, end: r.end, to: `,${serialise(cell, false)}` });
		}
	}
	let out = '';
	let at = 0;
	for (const e of edits.sort((a, b) => a.start - b.start)) {
		out += body.slice(at, e.start) + e.to;
		at = e.end;
	}
	return bom + out + body.slice(at);
}
