/**
 * Turns one CSV file into validated records: decodes it, parses it, matches the header to the table's columns and
 * validates every cell with the column's zod schema. Every problem is reported at its line and column; rows with a
 * problem are kept out of the records (and so out of the site), and the caller's accounting names them.
 */
import type { Issue } from '../issues.ts';
import { decodeText, parseCsv } from '../csv.ts';
import { FULL_WIDTH, toHalfWidth, type TableDef } from '../../schemas/table.ts';

/** A record with where it came from, so later checks can point at it. */
export interface Located<T> {
	value: T;
	file: string;
	line: number;
	/** The 1-based column of a field in this file (0 when the file has no such column). */
	col: (key: string) => number;
}

/** The outcome of reading a table. */
export interface TableResult<T> {
	records: Located<T>[];
	issues: Issue[];
	/** Data rows read (excluding the header and empty lines). */
	rowsIn: number;
	/** Raw (trimmed) values of each key column as typed, valid row or not: a reference to a row that is present
	 *  but invalid is not reported again (its own error covers it). */
	declared: (key: string) => Set<string>;
}

const NONE = () => new Set<string>();
/** How many accepted values a column remembers. */
const ACCEPTED_MAX = 4096;

/** Normalises a header cell for matching: trims, drops a stray BOM, folds full-width letters and spaces. */
function normHeader(h: string): string {
	return toHalfWidth(h.replace(/^\uFEFF/, '')).replace(/\s+/g, '');
}

/** Reads and validates one CSV file against its table definition. */
export function readTable<T>(def: TableDef, bytes: Uint8Array, file: string): TableResult<T> {
	const decoded = decodeText(bytes, file);
	const issues: Issue[] = [...decoded.issues];
	if (decoded.text === undefined) return { records: [], issues, rowsIn: 0, declared: NONE };
	const parsed = parseCsv(decoded.text, file);
	issues.push(...parsed.issues);
	const table = parsed.table;
	if (!table) return { records: [], issues, rowsIn: 0, declared: NONE };

	const err = (line: number, column: number, code: string, message: string, extra: Partial<Issue> = {}) =>
		issues.push({ file, line, column, code, message, severity: 'error', ...extra });

	// Header → column positions. The Chinese header and the ASCII key are both accepted.
	const position = new Map<string, number>();
	const expected = def.columns.map((c) => c.header).join(',');
	table.header.forEach((raw, i) => {
		const h = normHeader(raw);
		if (h === '') {
			err(1, i + 1, 'blank-header', `第 ${i + 1} 列没有列名。本文件的表头应为：${expected}`);
			return;
		}
		const c = def.columns.find((c) => c.header === h || c.key === h);
		if (!c) {
			err(1, i + 1, 'unknown-column', `未知的列 "${raw.trim()}"。本文件的表头应为：${expected}`);
			return;
		}
		if (position.has(c.key)) {
			err(
				1,
				i + 1,
				'duplicate-column',
				`列 "${c.header}" 出现了两次（另见第 ${position.get(c.key)! + 1} 列）`,
			);
			return;
		}
		position.set(c.key, i);
	});
	const missing = def.columns.filter((c) => c.required && !position.has(c.key));
	for (const c of missing)
		err(1, 1, 'missing-column', `缺少必填列 "${c.header}"（${c.doc}）。本文件的表头应为：${expected}`);
	const rowsIn = table.rows.length;
	if (
		missing.length > 0 ||
		issues.some((i) => i.line === 1 && i.severity === 'error' && i.code !== 'csv-quote')
	) {
		if (rowsIn > 0)
			err(1, 1, 'rows-unchecked', `表头有误，本文件的 ${rowsIn} 行数据均未读取；改正表头后再运行检查`);
		return { records: [], issues, rowsIn, declared: NONE };
	}
	const width = table.header.length;
	const col = (key: string) => (position.has(key) ? position.get(key)! + 1 : 0);

	// Cell schemas are pure functions of the text, and most columns repeat a few values (unit ids, indicator ids,
	// dates, kinds) over thousands of rows: each column remembers the values it has already accepted — up to a
	// bound, so columns of unique values (ids, free text) cost a failed lookup and no memory.
	const accepted = def.columns.map(() => new Map<string, unknown>());
	const records: Located<T>[] = [];
	for (const row of table.rows) {
		let ok = true;
		const { line, cells } = row;
		if (cells.length > width && cells.slice(width).some((c) => c.trim() !== '')) {
			err(
				line,
				width + 1,
				'extra-cell',
				`本行有 ${cells.length} 列，表头只有 ${width} 列；多出的内容可能是没加引号的逗号，含逗号的内容请用英文双引号括起来`,
			);
			ok = false;
		} else if (cells.length < width) {
			err(
				line,
				cells.length + 1,
				'missing-cell',
				`本行只有 ${cells.length} 列，表头有 ${width} 列；请补齐缺少的列（空值也要留逗号）`,
			);
			ok = false;
		}
		if (!ok) continue;
		const value: Record<string, unknown> = {};
		for (let ci = 0; ci < def.columns.length; ci++) {
			const c = def.columns[ci];
			const i = position.get(c.key);
			const raw = i === undefined ? '' : cells[i].trim();
			if (raw === '') {
				if (c.required)
					err(line, i === undefined ? 1 : i + 1, 'required', `"${c.header}" 不能为空（${c.doc}）`, {
						field: c.key,
					});
				if (c.required) ok = false;
				continue;
			}
			const seen = accepted[ci];
			const known = seen.get(raw);
			if (known !== undefined) {
				value[c.key] = known;
				continue;
			}
			const result = c.cell.schema.safeParse(raw);
			if (result.success) {
				value[c.key] = result.data;
				// Arrays (list cells) are not shared between records: a page may sort one.
				if (seen.size < ACCEPTED_MAX && !Array.isArray(result.data)) seen.set(raw, result.data);
				continue;
			}
			ok = false;
			for (const zi of result.error.issues) {
				const params = (zi as { params?: { code?: string } }).params;
				const code = params?.code ?? (FULL_WIDTH.test(raw) ? 'full-width' : 'type-error');
				err(line, i! + 1, code, `"${c.header}"：${zi.message}`, { field: c.key, value: raw });
			}
		}
		if (ok) records.push({ value: value as T, file, line, col });
	}
	const declared = (key: string) => {
		const i = position.get(key);
		return new Set(i === undefined ? [] : table.rows.map((r) => (r.cells[i] ?? '').trim()).filter(Boolean));
	};
	return { records, issues, rowsIn, declared };
}
