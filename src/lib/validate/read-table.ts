/**
 * Turns one CSV file into validated records: decodes it, parses it, matches the header to the table's columns and
 * validates every cell with the column's zod schema. Every problem is reported at its line and column; rows with a
 * problem are kept out of the records (and so out of the site), and the caller's accounting names them.
 */
import type { Issue } from '../issues.ts';
import { quoteValue } from '../quote.ts';
import { decodeText, eachCsvRow, emptyFileIssue, type CsvRow } from '../csv.ts';
import { FULL_WIDTH, toHalfWidth, type Column, type TableDef } from '../../schemas/table.ts';
import { personalFindings } from './personal.ts';
import { firstOfEachKey, repeatMessage } from './first-seen.ts';

/** A record with where it came from, so later checks can point at it. */
export interface Located<T> {
	value: T;
	file: string;
	line: number;
	/** The row as a spreadsheet shows it (the header is row 1): see `CsvRow.row`. */
	row: number;
	/** The 1-based column of a field in this file (0 when the file has no such column). */
	col: (key: string) => number;
}

/** The outcome of reading a table. */
export interface TableResult<T> {
	records: Located<T>[];
	issues: Issue[];
	/** Data rows read (excluding the header and empty lines). */
	rowsIn: number;
	/** Raw (trimmed) values of a key column named in `opts.declare`, as typed, valid row or not: a reference to a
	 *  row that is present but invalid is not reported again (its own error covers it). */
	declared: (key: string) => Set<string>;
}

/**
 * The declared values of a file whose rows were not read (it cannot be decoded, is empty or missing although
 * required, or its header is wrong): every value. A reference into it is then never reported as missing on top of the
 * file's own error — the rows may well be there. A units.csv saved as Excel's "Unicode 文本" would otherwise bury its
 * one error under a "not in units.csv" for every row of every file that names a unit (18,767 with the demo data).
 */
class EveryValue extends Set<string> {
	override has(): boolean {
		return true;
	}
}
export const EVERY = () => new EveryValue();
/** Whether a declared set is that of a file whose rows were not read (`EVERY`). */
export const readNothing = (declared: ReadonlySet<string>) => declared instanceof EveryValue;
/** How many accepted values a column remembers. */
const ACCEPTED_MAX = 4096;

/**
 * Normalises a header cell for matching: folds full-width letters and spaces, and drops every space and a stray BOM
 * (`\s` takes in U+FEFF).
 */
export function normHeader(h: string): string {
	// Stryker disable next-line Regex: with /g, spaces dropped in runs or one by one leave the same text
	return toHalfWidth(h).replace(/\s+/g, '');
}

/**
 * How many of a header's cells are named: the blank cells at its end left out (Excel and WPS export a column once
 * formatted, even empty), one at least.
 */
export function namedWidth(header: readonly string[]): number {
	let named = header.length;
	while (named > 1 && normHeader(header[named - 1]) === '') named--;
	return named;
}

/**
 * Reads and validates one CSV file against its table definition. Rows are checked as the parser reads them, so only
 * the records that pass are kept.
 * @param opts.declare key columns whose raw values `declared` will be asked for
 * @param opts.exempt the office's published contacts (site.json), which a public column may hold
 * @param opts.alone the file is read on its own (the office page's file mode): a key repeated by two valid rows is said
 *   here too, since no `CheckContext.unique` follows
 */
export function readTable<T>(
	def: TableDef,
	bytes: Uint8Array,
	file: string,
	opts: { declare?: readonly string[]; exempt?: readonly string[]; alone?: boolean } = {},
): TableResult<T> {
	// Stryker disable next-line StringLiteral: decodeText compares only with 'utf-8'; any other value reads as 'csv'
	const decoded = decodeText(bytes, file, 'csv');
	if (decoded.text === undefined) return { records: [], issues: decoded.issues, rowsIn: 0, declared: EVERY };

	// Reported in this order: the CSV's own problems, the header's, then the rows' (each in the order found).
	const headerIssues: Issue[] = [];
	const rowIssues: Issue[] = [];
	let records: Located<T>[] = [];
	const refusedKeys: RefusedKey[] = [];
	// Stryker disable next-line ArrayDeclaration: a key no table has is never asked for
	const declaredValues = new Map((opts.declare ?? []).map((key) => [key, new Set<string>()]));
	let header: string[] | undefined;
	let checkRow: ((row: CsvRow) => void) | undefined;
	let rowsIn = 0;
	/**
	 * The blank columns at the header's end (Excel and WPS export a column that was once formatted, even empty): the
	 * header is read without them, and each row's cells there are counted, for they have no column to go to.
	 */
	let blankTail: { first: number; headerRow: number; filled: number; firstFilled?: number } | undefined;
	/**
	 * The header as matched, to tell a data row that repeats it (two exports pasted into one file), and its first
	 * cell as typed: only a row that starts so is compared whole (a city's evidence has a million rows).
	 */
	let headerKey: string | undefined;
	let headerFirst: string | undefined;
	/**
	 * Whether the file is separated by another character (`wrong-delimiter`): its quotes then look broken on every row
	 * (a quoted cell ends in "; rather than ",), which says nothing more, and only the separator is said.
	 */
	let wrongSeparator: string | undefined;
	/** The line of the header: the file's first row, after any blank lines. */
	let headerLine = 1;
	/** The first rows after a header with errors, to tell whether the real header is among them (`titleRows`). */
	const after: CsvRow[] = [];
	const csvIssues = eachCsvRow(decoded.text, file, (row) => {
		if (header) {
			rowsIn++;
			// Rows are kept only while the header has an error, the only time they are looked at.
			// Stryker disable next-line ConditionalExpression: only saves memory, as said above.
			if (!checkRow) {
				if (after.length < TITLE_ROWS) after.push(row);
			}
			if (
				// Without checkRow no row's issue is reported, and a row repeating the header is empty under its blank end.
				// Stryker disable next-line ConditionalExpression: so it changes no count whether it is told apart or not
				checkRow &&
				row.cells[0].trim() === headerFirst &&
				row.cells.map(normHeader).join(',').replace(/,+$/, '') === headerKey
			) {
				rowIssues.push({
					file,
					line: row.line,
					column: 1,
					row: row.row,
					code: 'repeated-header',
					message: '这一行重复了表头（可能是把两份表格拼在了一起）：请删去这一行',
					severity: 'error',
				});
				return;
			}
			if (blankTail && row.cells.slice(blankTail.first).some((c) => c.trim() !== '')) {
				blankTail.filled++;
				blankTail.firstFilled ??= row.row;
			}
			checkRow?.(row);
			return;
		}
		header = row.cells;
		headerLine = row.line;
		const headerRow = row.row;
		// A header of one cell that splits at another separator into this table's columns: the file is not
		// comma-separated (saved as 文本文件（制表符分隔）, or by a program set for semicolons). One error, no rows read.
		const found = header.length === 1 ? otherSeparator(def, header[0]) : undefined;
		if (found) {
			const separator = found[1];
			wrongSeparator = found[0];
			headerIssues.push({
				file,
				line: headerLine,
				column: 1,
				row: headerRow,
				code: 'wrong-delimiter',
				message:
					separator === FULL_WIDTH_COMMA
						? `各列用中文逗号“，”分开，不是英文逗号：请把分开各列的“，”改为英文逗号“,”（内容里的中文逗号不用改）`
						: `各列用${separator}分开，不是英文逗号：请在 Excel/WPS 中“另存为”，文件类型选择“CSV UTF-8（逗号分隔）”`,
				severity: 'error',
			});
			return;
		}
		const named = namedWidth(header);
		headerKey = header.slice(0, named).map(normHeader).join(',');
		// trim() drops a stray BOM too.
		headerFirst = header[0].trim();
		if (named < header.length) blankTail = { first: named, headerRow, filled: 0 };
		const position = matchHeader(
			def,
			header.slice(0, named),
			(column, code, message, name, severity = 'error') =>
				headerIssues.push({
					file,
					line: headerLine,
					column,
					code,
					message,
					severity,
					row: headerRow,
					header: name,
				}),
		);
		if (headerIssues.every((i) => i.severity !== 'error'))
			checkRow = rowChecker<T>(
				def,
				position,
				{ named, full: header.length },
				file,
				records,
				rowIssues,
				declaredValues,
				refusedKeys,
				opts.exempt,
			);
	});
	// Joined with spreads in an array, never `push(...)`: a badly broken file can have more problems than a function
	// call takes arguments.
	if (!header)
		return {
			records: [],
			issues: [...decoded.issues, ...csvIssues, emptyFileIssue(file)],
			rowsIn: 0,
			declared: EVERY,
		};
	if (blankTail) {
		const { first, headerRow, filled, firstFilled } = blankTail;
		const columns = `第 ${header
			.slice(first)
			.map((_, i) => first + i + 1)
			.join('、')} 列`;
		const expected = def.columns.map((c) => c.header).join(',');
		// Empty on every row of a file read: ignored. A cell filled there is a value no column takes, and with another
		// header error the rows are not read anyway: the file is read as a wrong header is.
		const ignored = checkRow !== undefined && filled === 0;
		const where = filled ? `，但有 ${filled} 行在这里有内容（第一处在第 ${firstFilled} 行）` : '';
		headerIssues.push({
			file,
			line: headerLine,
			column: first + 1,
			row: headerRow,
			code: 'blank-header',
			message: ignored
				? `表头最后的${columns}没有列名，各行在这里也都是空的，已忽略；可以在 Excel/WPS 中删去这几列，或运行 npm run validate -- --fix`
				: `表头最后的${columns}没有列名${where}。请补上列名，或删去这几列。本文件的表头应为：${expected}`,
			severity: ignored ? 'warning' : 'error',
			...(ignored ? { fixable: true } : {}),
		});
		if (!ignored) checkRow = undefined;
	}
	// The rows of a file separated by another character, counted as it is separated: read at commas, its quoted cells
	// look broken and a line break in one ends a row early, so the count (said below, and in the accounting) was off.
	if (wrongSeparator !== undefined) {
		rowsIn = -1;
		eachCsvRow(decoded.text, file, () => rowsIn++, wrongSeparator);
	}
	if (!checkRow) {
		const title = titleRows(def, header, after);
		// Under a title, the rows after the first are the title's other rows, the header, then the data rows.
		const unread = title ? rowsIn - title.above : rowsIn;
		const unchecked: Issue = {
			file,
			line: headerLine,
			column: 1,
			code: 'rows-unchecked',
			message: `表头有误，本文件的 ${unread} 行数据均未读取；改正表头后再运行检查`,
			severity: 'error',
		};
		// Excel writes "sep=," above the header when asked to name the separator; it hides that line when it opens the
		// file, so the clerk sees a right header, and the header's own complaints would only confuse. So would a title
		// row's: "2026年第四季度评价记录表" merged above the header was also 3 missing columns the header has, and 8
		// warnings of optional ones.
		const sepLine = title?.above === 1 && /^sep=.?$/i.test(header[0]) && header.slice(1).every((c) => !c);
		const titled: Issue[] = title
			? [
					{
						file,
						line: headerLine,
						column: 1,
						code: 'header-not-first',
						message: sepLine
							? `第 1 行 ${quoteValue(`${header[0].slice(0, 4)}${header[0].slice(4) || ','}`)} 是 Excel 导出时写的分隔符说明（Excel 打开时不显示这一行），表头在第 ${title.line} 行：请用记事本打开文件删去第 1 行，或在 Excel/WPS 中重新另存为“CSV UTF-8（逗号分隔）”`
							: `第 ${title.line} 行才像是本文件的表头（${title.cells.join(',').replace(/,+$/, '')}），它上面的 ${title.above} 行像是标题或说明：请删去这几行，让表头成为第一行`,
						severity: 'error',
					},
				]
			: [];
		const issues = [
			...decoded.issues,
			...(wrongSeparator ? csvIssues.filter((i) => i.code !== 'csv-quote') : csvIssues),
			...titled,
			...(title ? [] : headerIssues),
			...(unread > 0 ? [unchecked] : []),
		];
		return { records: [], issues, rowsIn, declared: EVERY };
	}
	// The three tests below only save time: run always, the search finds nothing, drops nothing, and sorts issues
	// that are in line order already.
	// Stryker disable next-line ConditionalExpression: only saves time, as said above.
	if (opts.alone || refusedKeys.length) {
		const before = rowIssues.length;
		const dropped = repeatedKeys(def, file, records, refusedKeys, rowIssues, opts.alone ?? false);
		// Stryker disable next-line ConditionalExpression: only saves time, as said above.
		if (dropped.size) records = records.filter((r) => !dropped.has(r));
		// Each at its line, after the row's own problems, as a check during the row would have put it (a stable sort).
		// Stryker disable next-line ConditionalExpression,EqualityOperator: only saves time, as said above.
		if (rowIssues.length > before) rowIssues.sort((a, b) => a.line - b.line);
	}
	const issues = [...decoded.issues, ...csvIssues, ...headerIssues, ...rowIssues];
	const declared = (key: string) => {
		const values = declaredValues.get(key);
		if (!values) throw new Error(`readTable: "${key}" was not among opts.declare`);
		return values;
	};
	return { records, issues, rowsIn, declared };
}

/** The name of a full-width comma as a separator: typed with a Chinese input method into a file made by hand. */
const FULL_WIDTH_COMMA = '中文逗号';

/** The separators a spreadsheet or an editor may have used instead of commas, with their Chinese names. */
const OTHER_SEPARATORS = [
	['\t', '制表符'],
	[';', '分号'],
	['；', '中文分号'],
	['，', FULL_WIDTH_COMMA],
	['|', '竖线'],
] as const;

/** The name of the separator a one-cell header is split by into at least two of the table's columns, if any. */
function otherSeparator(def: TableDef, cell: string): readonly [string, string] | undefined {
	const known = (h: string) => def.columns.some((c) => c.header === h || c.key === h);
	// Each name without its quotes: a file with every cell quoted ("编号";"年份";…, LibreOffice's and many a program's
	// export) reaches here as one cell 编号";"年份";"… (its quotes broken by the unexpected separator).
	return OTHER_SEPARATORS.find(
		([sep]) =>
			cell
				.split(sep)
				.map((h) => normHeader(h.replace(/"/g, '')))
				.filter(known).length >= 2,
	);
}

/**
 * Matches the header to the table's columns (the Chinese header and the ASCII key are both accepted) and reports
 * blank, unknown, repeated and missing columns. Returns each column's position.
 */
function matchHeader(
	def: TableDef,
	header: readonly string[],
	err: (column: number, code: string, message: string, name?: string, severity?: Issue['severity']) => void,
): Map<string, number> {
	const position = new Map<string, number>();
	const expected = def.columns.map((c) => c.header).join(',');
	header.forEach((raw, i) => {
		const h = normHeader(raw);
		if (h === '') {
			err(i + 1, 'blank-header', `第 ${i + 1} 列没有列名。本文件的表头应为：${expected}`);
			return;
		}
		const c = def.columns.find((c) => c.header === h || c.key === h);
		if (!c) {
			err(
				i + 1,
				'unknown-column',
				`未知的列 ${quoteValue(raw.trim())}。本文件的表头应为：${expected}`,
				raw.trim(),
			);
			return;
		}
		if (position.has(c.key)) {
			err(
				i + 1,
				'duplicate-column',
				`列 "${c.header}" 出现了两次（另见第 ${position.get(c.key)! + 1} 列）`,
				c.header,
			);
			return;
		}
		position.set(c.key, i);
	});
	for (const c of def.columns) {
		if (position.has(c.key)) continue;
		if (c.required)
			err(1, 'missing-column', `缺少必填列 "${c.header}"（${c.doc}）。本文件的表头应为：${expected}`);
		else if (!c.omittable)
			err(
				1,
				'missing-optional-column',
				`表头没有可选列 "${c.header}"（${c.doc}）：各行的这一列都按空值处理，公开的数据中这一列为空。如果这一列应有内容，请按模板补上这一列。本文件的表头应为：${expected}`,
				undefined,
				'warning',
			);
	}
	return position;
}

/**
 * The `col` of a file's records. Made here, apart from the reading: every record keeps it, and a function keeps
 * everything of the scope it is made in (a file's rows and cells, its parsed text).
 */
function columnOf(position: ReadonlyMap<string, number>): (key: string) => number {
	return (key) => (position.has(key) ? position.get(key)! + 1 : 0);
}

/** Reports an error at a row of the file being read. */
type RowError = (
	line: number,
	row: number,
	column: number,
	code: string,
	message: string,
	extra?: Partial<Issue>,
) => void;

/** The check of one data row of a file whose header is right: a valid row becomes a record, any other an issue. */
function rowChecker<T>(
	def: TableDef,
	position: Map<string, number>,
	width: Width,
	file: string,
	records: Located<T>[],
	issues: Issue[],
	declaredValues: Map<string, Set<string>>,
	refusedKeys: RefusedKey[],
	// Stryker disable next-line ArrayDeclaration: an exemption that is no contact matches no text
	exempt: readonly string[] = [],
): (row: CsvRow) => void {
	const err: RowError = (line, row, column, code, message, extra = {}) =>
		issues.push({ file, line, column, code, message, severity: 'error', row, ...extra });
	const col = columnOf(position);
	const columns = def.columns;
	/** Each column's cell index in a row, or -1 when the file has no such column. */
	const cellIndex = columns.map((c) => position.get(c.key) ?? -1);
	const declare = [...declaredValues].flatMap(([key, values]) =>
		// Stryker disable next-line ArrayDeclaration: an entry without a cell declares nothing
		position.has(key) ? [{ i: position.get(key)!, values }] : [],
	);
	/** The public free-text columns this file has (checked for personal numbers) and their cell indexes. */
	const published = columns.flatMap((c, ci) =>
		// An absent column's cell is undefined, and no number is found in it: `>= 0` only saves the look. (The public test
		// is pinned by read-table.test.ts; the mark below covers the line.)
		// Stryker disable next-line ArrayDeclaration,ConditionalExpression: a column the file lacks holds no number
		c.public && cellIndex[ci] >= 0 ? [{ c, i: cellIndex[ci] }] : [],
	);
	const parseCells = cellParser(def, cellIndex, err);
	/** The field and header of a cell by its index, for a row's issue said at one of its cells. */
	const columnAt = (i: number): Partial<Issue> => {
		const c = columns.find((_, ci) => cellIndex[ci] === i);
		return c ? { field: c.key, header: c.header } : {};
	};
	const keyIndex = def.primaryKey?.length === 1 ? position.get(def.primaryKey[0]) : undefined;
	return ({ line, row, cells }) => {
		// A row typed with Chinese commas still declares its id: the rows naming it are not each told it is missing.
		const declaring = fullWidthCells(cells, width.named) ?? cells;
		for (const { i, values } of declare) {
			const raw = (declaring[i] ?? '').trim();
			if (raw) values.add(raw);
		}
		const read = (): boolean => {
			const totals = totalsCell(cells);
			if (totals >= 0) {
				err(
					line,
					row,
					totals + 1,
					'totals-row',
					`这一行像是表格的合计行（${quoteValue(cells[totals].trim())}），不是一条记录：数据文件中每一行都是一条记录，合计、平均由网站计算。请删去这一行（需要合计时，可以放在另一个工作表中）`,
					columnAt(totals),
				);
				return false;
			}
			if (!widthFits(cells, width, line, row, err)) return false;
			// Every public cell, whatever else is wrong with the row: an ID number is reported as soon as it is typed.
			const holdsId = personalCells(published, cells, exempt, { file, line, row }, issues);
			const value = parseCells(line, row, cells, holdsId);
			if (!value || holdsId) return false;
			records.push({ value: value as T, file, line, row, col });
			return true;
		};
		// The key of a row refused, for the repeats `repeatedKeys` looks for once the file is read. (Without a key
		// column the cell read is undefined, so blank, and nothing is noted either way.)
		// Stryker disable next-line ConditionalExpression: equivalent, as said above.
		if (!read() && keyIndex !== undefined) {
			const raw = (declaring[keyIndex] ?? '').trim();
			if (raw) refusedKeys.push({ raw, line, row, column: keyIndex + 1 });
		}
	};
}

/** The words a spreadsheet's totals row starts with (合计, 总计, 小计, 汇总, 总数, 平均, optionally with a colon). */
const TOTALS = /^(?:合\s*计|总\s*计|小\s*计|汇\s*总|总\s*数|平\s*均(?:值|分)?)[:：]?$/;

/**
 * The index of the cell a totals row is labelled in (合计 under the last row, as a sheet made for reading has it), or
 * -1: the row's first cell that is not blank. Every table's first column is a code or a date, and its other cells come
 * after, so a row starting so is no record (its cells would be one error each: 编号 "合计" 不合格式, 单位编号 不能为空 …).
 */
function totalsCell(cells: readonly string[]): number {
	const first = cells.findIndex((c) => c.trim() !== '');
	return first >= 0 && TOTALS.test(cells[first].trim()) ? first : -1;
}

/** How many rows after a wrong header are looked at for the real one (a title, a date line, a unit line …). */
const TITLE_ROWS = 5;

/**
 * The real header of a file whose first row is not one: the first of the rows after it that names every required
 * column of the table and more of its columns than the first row does (a title such as “淮安区单位失信记录汇总表” and
 * a date line above the header, as a sheet made for printing has them). With its line, its cells and how many rows
 * are above it; or undefined.
 */
function titleRows(
	def: TableDef,
	header: readonly string[],
	after: readonly CsvRow[],
): { line: number; cells: string[]; above: number } | undefined {
	const named = (cells: readonly string[]) => {
		const have = new Set(cells.map(normHeader));
		return def.columns.filter((c) => have.has(normHeader(c.header)));
	};
	const first = named(header).length;
	const found = after.findIndex((r) => {
		const cols = named(r.cells);
		return cols.length > first && def.columns.every((c) => !c.required || cols.includes(c));
	});
	return found < 0 ? undefined : { line: after[found].line, cells: after[found].cells, above: found + 1 };
}

/** A row refused for an error of its own, by the key it holds (a table's one-column primary key) as typed. */
interface RefusedKey {
	raw: string;
	line: number;
	row: number;
	/** The key's column, 1-based. */
	column: number;
}

/**
 * Within one file, a row whose key (a table's one-column primary key: 单位编号, 记录编号 …) repeats an earlier row's,
 * where either row was refused for an error of its own: reported at the later row, as `CheckContext.unique` reports
 * a repeat between two valid rows (which it still does, across files too), and a valid row so reported is dropped:
 * never published beside another copy of its key. Without this the repeat of a row refused for a date typed in
 * full-width was found only after that was fixed, and in the office page's file mode, which reads files one by one,
 * never (there, `alone`, every repeat is said). Keys compared folded, as `unique` does. Run once the file is read,
 * and only when a row was refused or the file is alone: a file of valid rows costs nothing here.
 * @returns the valid records dropped
 */
function repeatedKeys<T>(
	def: TableDef,
	file: string,
	records: readonly Located<T>[],
	refused: readonly RefusedKey[],
	issues: Issue[],
	alone: boolean,
): Set<Located<T>> {
	const dropped = new Set<Located<T>>();
	const key = def.primaryKey?.length === 1 ? def.primaryKey[0] : undefined;
	if (key === undefined) return dropped;
	const column = def.columns.find((c) => c.key === key)!;
	// Valid and refused rows in file order (both lists are; no two rows share a line, so < and <= agree).
	type Keyed = RefusedKey & { record?: Located<T> };
	const rows: Keyed[] = [];
	let v = 0;
	let x = 0;
	while (v < records.length || x < refused.length) {
		const r = records[v];
		// Stryker disable next-line EqualityOperator: equivalent, as said above.
		if (r && (x >= refused.length || r.line < refused[x].line)) {
			const raw = String((r.value as Record<string, unknown>)[key]);
			rows.push({ raw, line: r.line, row: r.row, column: r.col(key), record: r });
			v++;
		} else rows.push(refused[x++]);
	}
	firstOfEachKey(
		rows,
		(r) => r.raw,
		(r, e) => {
			// Both valid: CheckContext.unique says it, once, with the table's own word for the key (unless nothing follows).
			if (e.record && r.record && !alone) return;
			issues.push({
				file,
				line: r.line,
				column: r.column,
				row: r.row,
				code: 'unique-error',
				severity: 'error',
				field: key,
				header: column.header,
				message: repeatMessage(column.header, r.raw, file, e.line, e.raw),
			});
			// (A refused row is no record: adding its undefined to the set drops nothing.)
			// Stryker disable next-line ConditionalExpression: equivalent, as said above.
			if (r.record) dropped.add(r.record);
		},
	);
	return dropped;
}

/** A header's width: its named cells, and all its cells with the blank ones at its end (Excel's formatted columns). */
interface Width {
	named: number;
	full: number;
}

/**
 * Whether a row has as many cells as the header; reports it when not. Cells under the header's blank end are the
 * header's check (`blankTail` in `readTable`: a file with one of them filled has none of its rows read). A cell past
 * the whole header counts, even an empty one: the row was split at a comma that is not a separator
 * (`…（行政许可 35 条,行政处罚 15 条）,信用办,` in a hand-edited file), and its later cells hold the values of the columns
 * before them. With the last one empty, the row would otherwise be read, and published, shifted.
 */
function widthFits(
	cells: readonly string[],
	width: Width,
	line: number,
	row: number,
	err: RowError,
): boolean {
	const { named } = width;
	if (cells.length > width.full) {
		// (A row ended by a line end other than the file's own, a bare LF in a file of CRLF rows, is its own row: the CSV
		// reader ends a row at any line end outside quotes, as the spreadsheet does. Two rows are never read as one.)
		err(
			line,
			row,
			named + 1,
			'extra-cell',
			`本行有 ${cells.length} 列，表头只有 ${named} 列；多出的列可能来自没加引号的逗号（本行其后各列的内容就错了位），含逗号的内容请用英文双引号括起来`,
		);
		return false;
	} else if (cells.length < named) {
		const fullWidth = fullWidthCells(cells, named) !== undefined;
		err(
			line,
			row,
			cells.length + 1,
			'missing-cell',
			`本行只有 ${cells.length} 列，表头有 ${named} 列；${fullWidth ? '本行似乎用中文逗号“，”分开各列，请改为英文逗号“,”' : '请补齐缺少的列（空值也要留逗号）'}`,
		);
		return false;
	}
	return true;
}

/**
 * The cells of a row too short for the header that was typed with a Chinese input method (its cells split at
 * full-width commas make up the header's width), or undefined.
 */
function fullWidthCells(cells: readonly string[], named: number): string[] | undefined {
	if (cells.length >= named) return undefined;
	const split = cells.flatMap((c) => c.split('，'));
	return split.length >= named ? split : undefined;
}

/**
 * Reports the personal numbers in a row's public cells. Returns the indexes of the cells holding one that is an
 * error (an ID number, or a contact in a `noContacts` column: the row is not published), or undefined when there is none.
 */
function personalCells(
	published: readonly { c: Column; i: number }[],
	cells: readonly string[],
	exempt: readonly string[],
	at: { file: string; line: number; row: number },
	issues: Issue[],
): Set<number> | undefined {
	let holdsId: Set<number> | undefined;
	for (const { c, i } of published)
		for (const f of personalFindings(cells[i], exempt, c.noContacts)) {
			// No `value`: the issue must not carry the number it hides.
			issues.push({
				file: at.file,
				line: at.line,
				column: i + 1,
				code: f.code,
				message: f.message,
				severity: f.severity,
				row: at.row,
				field: c.key,
				header: c.header,
			});
			if (f.severity === 'error') (holdsId ??= new Set()).add(i);
		}
	return holdsId;
}

/**
 * What a spreadsheet shows, and its CSV export writes, for a formula that fails: Excel's and WPS's error values
 * (`#REF!` when the cell a formula names was deleted, `#N/A`, `#VALUE!` …) and LibreOffice's `Err:502`. In a cell of
 * any column it is never the clerk's content (a 事项 of `#REF!` would be published as it is).
 */
const FORMULA_ERROR =
	/^(?:#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|GETTING_DATA)|Err:\d{3})$/i;

/**
 * Validates the cells of a row with their columns' schemas: the row's value, or undefined when a cell is wrong (each
 * wrong cell reported). The cells holding an ID number (`holdsId`) are reported without their value.
 */
function cellParser(
	def: TableDef,
	cellIndex: readonly number[],
	err: RowError,
): (
	line: number,
	row: number,
	cells: readonly string[],
	holdsId?: Set<number>,
) => Record<string, unknown> | undefined {
	const columns = def.columns;
	// Cell schemas are pure functions of the text, and most columns repeat a few values (unit ids, indicator ids,
	// dates, kinds) over thousands of rows: each column remembers the values it has already accepted — up to a
	// bound, so columns of unique values (ids, free text) cost a failed lookup and no memory.
	const accepted = columns.map(() => new Map<string, unknown>());
	return (line, row, cells, holdsId) => {
		let ok = true;
		const value: Record<string, unknown> = {};
		for (let ci = 0; ci < columns.length; ci++) {
			const c = columns[ci];
			const i = cellIndex[ci];
			const raw = i < 0 ? '' : cells[i].trim();
			if (raw === '') {
				if (c.required) {
					// A required column is in every file whose rows are read (its absence is a header error).
					err(line, row, i + 1, 'required', `"${c.header}" 不能为空（${c.doc}）`, {
						field: c.key,
						header: c.header,
					});
					ok = false;
				}
				continue;
			}
			// Stryker disable next-line ConditionalExpression: the first-character test only saves the regex on most cells
			if ((raw[0] === '#' || raw[0] === 'E' || raw[0] === 'e') && FORMULA_ERROR.test(raw)) {
				ok = false;
				err(
					line,
					row,
					i + 1,
					'formula-error',
					`${quoteValue(raw)} 是表格中的公式出错时显示的值（常见原因：公式引用的单元格或工作表被删除、移动，或排序后错位），不是内容：请在 Excel/WPS 中把这一格改为实际的内容（可复制后用“选择性粘贴 → 数值”去掉公式），再另存`,
					{ field: c.key, value: raw, header: c.header },
				);
				continue;
			}
			const seen = accepted[ci];
			const known = seen.get(raw);
			// Stryker disable next-line ConditionalExpression,BlockStatement: the value parsed again is the one remembered
			if (known !== undefined) {
				value[c.key] = known;
				continue;
			}
			// Most text is stored as typed: a quick test, no zod (see `Cell.verbatim`).
			let parsed: unknown = raw;
			// Stryker disable next-line ConditionalExpression: verbatim is true only of text the schema keeps as it is
			if (!c.cell.verbatim?.(raw)) {
				const result = c.cell.schema.safeParse(raw);
				if (!result.success) {
					ok = false;
					for (const zi of result.error.issues) {
						const params = (zi as { params?: { code?: string; fixable?: boolean } }).params;
						const code = params?.code ?? (FULL_WIDTH.test(raw) ? 'full-width' : 'type-error');
						// The column's header is in the position (第 14 行第 2 列（单位编号）): the message is the problem.
						err(line, row, i + 1, code, zi.message, {
							field: c.key,
							// Not a cell holding an ID number: no issue carries the number.
							...(holdsId?.has(i) ? {} : { value: raw }),
							header: c.header,
							...(params?.fixable ? { fixable: true } : {}),
						});
					}
					continue;
				}
				parsed = result.data;
			}
			value[c.key] = parsed;
			// Arrays (list cells) are not shared between records: a page may sort one.
			// Stryker disable next-line ConditionalExpression,EqualityOperator: the bound limits memory, not the values
			const room = seen.size < ACCEPTED_MAX;
			// Never remembering only costs time (the test that lists are not shared pins the other way).
			// Stryker disable next-line ConditionalExpression,CallExpression: a value not remembered is parsed again, the same
			if (room && !Array.isArray(parsed)) seen.set(raw, parsed);
		}
		return ok ? value : undefined;
	};
}
