/**
 * Reading the CSV files the office exports from Excel or WPS: decoding (UTF-8 with or without BOM, GBK/GB18030)
 * and parsing with the physical line number of every row, so problems can be reported as `path:line:column`.
 * Pure: bytes in, rows and issues out.
 */
import Papa from 'papaparse';
import iconv from 'iconv-lite';
import type { Issue } from './issues.ts';

/** The encodings we recognise. */
export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

/** A decoded file. `text` is undefined when the bytes could not be decoded at all. */
export interface Decoded {
	text?: string;
	encoding?: Encoding;
	issues: Issue[];
}

const BOM = [0xef, 0xbb, 0xbf];

/** How many bytes are decoded at a time (see `decodeUtf8`). */
const UTF8_PIECE = 256 * 1024;

/**
 * Strict UTF-8 decoding (throws on any invalid byte), a piece at a time. Node returns a text of over about a megabyte
 * as an "external" string, which V8 counts as memory outside its heap: reading a city's evidence files one after
 * another then sets off a full garbage collection every few files ("external memory pressure"), each longer than the
 * one before — the validator's time grew faster than its data. Texts decoded in pieces and joined are ordinary
 * strings, collected like everything else.
 */
function decodeUtf8(bytes: Uint8Array): string {
	const decoder = new TextDecoder('utf-8', { fatal: true });
	if (bytes.length <= UTF8_PIECE) return decoder.decode(bytes);
	const pieces: string[] = [];
	for (let at = 0; at < bytes.length; at += UTF8_PIECE)
		pieces.push(decoder.decode(bytes.subarray(at, at + UTF8_PIECE), { stream: true }));
	pieces.push(decoder.decode());
	return pieces.join('');
}

/**
 * Decodes a text file the office saved. UTF-8 (a BOM is allowed and removed) is the standard. A file that is not
 * valid UTF-8 is what Excel and WPS write as "CSV" on a Chinese Windows: GBK, read here as its superset GB18030
 * (iconv-lite), and the office gets a warning suggesting "CSV UTF-8". A file that decodes as neither, or is
 * UTF-16, is an error naming the encoding and how to re-save it — never garbled text on the site.
 */
export function decodeText(bytes: Uint8Array, file: string): Decoded {
	const at = (code: string, message: string, severity: Issue['severity'] = 'error'): Issue => ({
		file,
		line: 1,
		column: 1,
		code,
		message,
		severity,
	});
	if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
		return {
			issues: [
				at(
					'bad-encoding',
					'文件是 UTF-16 编码（Excel 的"Unicode 文本"），无法读取。请在 Excel/WPS 中"另存为"，文件类型选择"CSV UTF-8（逗号分隔）"',
				),
			],
		};
	}
	const hasBom = BOM.every((b, i) => bytes[i] === b);
	const body = hasBom ? bytes.subarray(3) : bytes;
	if (body.includes(0)) {
		return {
			issues: [
				at(
					'bad-encoding',
					'文件含有空字节（NUL），不是文本文件。请确认上传的是 CSV 文本文件，而不是 xlsx 等二进制文件',
				),
			],
		};
	}
	try {
		const text = decodeUtf8(body);
		return { text, encoding: hasBom ? 'utf-8-bom' : 'utf-8', issues: [] };
	} catch {
		// Not UTF-8: the usual reason is Excel/WPS "CSV" on Chinese Windows, which writes GBK.
	}
	const text = iconv.decode(Buffer.from(body), 'gb18030');
	if (text.includes('\uFFFD')) {
		return {
			issues: [
				at(
					'bad-encoding',
					'文件既不是 UTF-8 也不是 GBK/GB18030 编码，无法可靠读取。请在 Excel/WPS 中"另存为"，文件类型选择"CSV UTF-8（逗号分隔）"',
				),
			],
		};
	}
	return {
		text,
		encoding: 'gb18030',
		issues: [
			at(
				'encoding-gbk',
				'文件是 GBK/GB18030 编码（Excel/WPS 另存为"CSV"的默认编码），已按 GB18030 正确读取；建议另存为"CSV UTF-8（逗号分隔）"',
				'warning',
			),
		],
	};
}

/** One parsed CSV row: its cells and the physical line (1-based) where it starts. */
export interface CsvRow {
	line: number;
	cells: string[];
}

/** A parsed CSV file: the header row and the data rows, with lines. */
export interface CsvTable {
	header: string[];
	rows: CsvRow[];
}

/**
 * Reads CSV text (comma-separated, `"` quotes, any line ending) with papaparse, row by row, keeping each row's
 * starting line, and hands each row to `onRow` as soon as it is read: a caller that checks rows as they come keeps
 * none it has finished with (a quarter's evidence file holds tens of thousands).
 * Rows that are entirely empty (blank lines, or only commas as WPS writes below a table) are not data and are skipped.
 * Returns the quote errors, as issues at the line where the broken row starts.
 */
export function eachCsvRow(text: string, file: string, onRow: (row: CsvRow) => void): Issue[] {
	const issues: Issue[] = [];
	let lineNo = 1;
	let nextNewline = text.indexOf('\n');
	const lineOf = (offset: number): number => {
		// Count the newlines before this offset; rows arrive in order, so this is linear overall.
		while (nextNewline !== -1 && nextNewline < offset) {
			lineNo++;
			nextNewline = text.indexOf('\n', nextNewline + 1);
		}
		return lineNo;
	};
	let start = 0;
	Papa.parse<string[]>(text, {
		delimiter: ',',
		header: false,
		skipEmptyLines: false,
		step: (result) => {
			const cells = result.data;
			// Skip leading newline characters so the row starts on its own line.
			let rowStart = start;
			for (let c = text.charCodeAt(rowStart); c === 10 || c === 13; c = text.charCodeAt(rowStart)) rowStart++;
			const line = lineOf(rowStart);
			start = result.meta.cursor;
			for (const e of result.errors) {
				if (e.code === 'MissingQuotes') {
					issues.push({
						file,
						line,
						column: Math.max(1, cells.length),
						code: 'csv-quote',
						message: `引号没有闭合：第 ${Math.max(1, cells.length)} 列以 " 开始，但直到文件末尾都没有配对的 "，其后各行都被读进了这一格。请补上缺少的引号`,
						severity: 'error',
					});
				} else if (e.code === 'InvalidQuotes') {
					issues.push({
						file,
						line,
						column: Math.max(1, cells.length),
						code: 'csv-quote',
						message: '引号使用不正确：带引号的内容中间的 " 要写成两个 ""，且右引号后面应直接是逗号或换行',
						severity: 'error',
					});
				}
			}
			if (cells.every((c) => c.trim() === '')) return;
			onRow({ line, cells });
		},
	});
	return issues;
}

/** The issue for a file without a single row, not even a header. */
export function emptyFileIssue(file: string): Issue {
	return {
		file,
		line: 1,
		column: 1,
		code: 'empty-file',
		message: '文件是空的：至少要有一行表头',
		severity: 'error',
	};
}

/**
 * Parses CSV text into its header and data rows, with lines (see `eachCsvRow`). Quote errors become issues with the
 * line where the broken row starts.
 */
export function parseCsv(text: string, file: string): { table?: CsvTable; issues: Issue[] } {
	const rows: CsvRow[] = [];
	const issues = eachCsvRow(text, file, (row) => rows.push(row));
	if (rows.length === 0) {
		issues.push(emptyFileIssue(file));
		return { issues };
	}
	const [headerRow, ...dataRows] = rows;
	return { table: { header: headerRow.cells, rows: dataRows }, issues };
}
