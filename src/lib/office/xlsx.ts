/**
 * Reading the office's Excel/WPS workbooks (`.xlsx`) on the office page: every sheet as rows of cell texts, the text
 * each cell holds as its CSV export would write it, so the validator reads a workbook exactly as it reads the CSV
 * file saved from it. SheetJS Community Edition (`@e965/xlsx`, the npm release of SheetJS 0.20) does the reading.
 */
import { read, SSF, utils, type CellObject, type WorkBook } from '@e965/xlsx';
import { unzipSync } from 'fflate';

/** One sheet: its name and its rows from the sheet's first row and column A, as texts. */
export interface SheetRows {
	name: string;
	rows: string[][];
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * A number as the sheet shows it when that is the number (`8` for 8, `0.3` for 0.1 + 0.2), else the number itself
 * to 15 significant digits, as Excel's General format would write it: a 得分 of 7.5 formatted `0` shows 8, a ratio
 * formatted `0%` shows 50 % and a long number 1.23457E+11, and Excel's CSV export writes those, silently changing the
 * value; the office page reads the workbook itself and need not.
 */
function numberText(cell: CellObject): string {
	const v = cell.v;
	if (typeof v !== 'number') return cell.w ?? String(v ?? '');
	const shown = cell.w === undefined ? NaN : Number(cell.w);
	// Stryker disable next-line EqualityOperator: a difference of exactly 1e-12 of the value is no shown number's.
	if (Number.isFinite(shown) && Math.abs(shown - v) <= Math.abs(v) * 1e-12) return cell.w!;
	return String(Number(v.toPrecision(15)));
}

/**
 * The text of a cell, as Excel's "CSV UTF-8" export writes it, with one exception: a date is written `YYYY-MM-DD`.
 * A date cell holds a day, not a spelling; Excel writes it in the computer's short-date format (`2024/2/8` on a
 * Chinese Windows), which SheetJS cannot know and would write in the American form (`2/8/24`). Numbers are written as
 * the sheet shows them when that is their value (`numberText`), texts as typed, formulas by their value.
 */
function cellText(cell: CellObject | undefined, date1904: boolean): string {
	if (!cell) return '';
	switch (cell.t) {
		case 's':
			return String(cell.v ?? '');
		case 'b':
			return cell.v ? 'TRUE' : 'FALSE';
		case 'e':
			return cell.w ?? '';
		case 'n': {
			if (typeof cell.v === 'number' && cell.z !== undefined && SSF.is_date(cell.z)) {
				const d = SSF.parse_date_code(cell.v, { date1904 }) as {
					y: number;
					m: number;
					d: number;
					H: number;
					M: number;
					S: number;
				};
				const day = `${pad(d.y, 4)}-${pad(d.m)}-${pad(d.d)}`;
				return d.H || d.M || d.S ? `${day} ${pad(d.H)}:${pad(d.M)}:${pad(d.S)}` : day;
			}
			return numberText(cell);
		}
		case 'd':
			return cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : String(cell.v ?? '');
		default:
			return '';
	}
}

const BROKEN =
	'无法读取这个 Excel 文件（文件损坏，或不是 .xlsx 工作簿）。请在 Excel/WPS 中打开后另存为 .xlsx';

/** Whether a web page's bytes hold a <table> anywhere (in any ASCII-compatible encoding). */
const hasTable = (bytes: Uint8Array) => /<table\b/i.test(new TextDecoder('latin1').decode(bytes));

/** Reads a workbook's bytes; throws (in Chinese) when they are not a workbook SheetJS can read. */
export function readWorkbook(bytes: Uint8Array): WorkBook {
	// An .xlsx is a zip package. SheetJS 0.20.3 never returns on some truncated ones (a zip header and a few bytes,
	// as an interrupted download leaves): fflate checks the package first, and refuses it at once.
	if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
		try {
			unzipSync(bytes, { filter: () => false });
		} catch {
			throw new Error(BROKEN);
		}
	}
	// A web page saved with an .xls name: SheetJS reads a page's <table> as a sheet (as the "Excel" exports of many
	// web systems are), but a page without one would come out as its text in cells, and as nonsense errors.
	const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096)).trimStart().toLowerCase();
	if (/^(?:\ufeff|ï»¿)?\s*<(?:!doctype html|html|head|body|meta)\b/.test(head) && !hasTable(bytes))
		throw new Error(
			'这是一个网页文件（HTML），里面没有表格，不是 Excel 工作簿。请在 Excel/WPS 中打开数据表后另存为 .xlsx 或 CSV',
		);
	try {
		return read(bytes, { type: 'array', dense: true, cellNF: true, cellHTML: false, cellStyles: false });
	} catch {
		throw new Error(
			'无法读取这个 Excel 文件（文件损坏，或不是 .xlsx 工作簿）。请在 Excel/WPS 中打开后另存为 .xlsx',
		);
	}
}

/**
 * Every sheet of a workbook as rows of texts, from row 1 and column A (so row and column numbers are the ones the
 * spreadsheet shows), without the empty rows and columns after the last filled cell.
 * @param onRow called every 1,000 rows with how many of the sheet's rows are done (for a progress bar)
 */
export function workbookSheets(wb: WorkBook, onRow?: (done: number, total: number) => void): SheetRows[] {
	const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
	return wb.SheetNames.map((name) => {
		const ws = wb.Sheets[name];
		const data = (ws['!data'] ?? []) as (CellObject | undefined)[][];
		const ref = ws['!ref'] ? utils.decode_range(ws['!ref']) : undefined;
		const rows: string[][] = [];
		let width = 0;
		let height = 0;
		const total = ref ? ref.e.r + 1 : 0;
		for (let r = 0; r < total; r++) {
			const src = data[r] ?? [];
			const row: string[] = [];
			for (let c = 0; c <= ref!.e.c; c++) row.push(cellText(src[c], date1904));
			while (row.length && row[row.length - 1] === '') row.pop();
			if (row.length) height = r + 1;
			width = Math.max(width, row.length);
			rows.push(row);
			if (onRow && r % 1000 === 999) onRow(r + 1, total);
		}
		rows.length = height;
		// Every row as wide as the widest: the CSV export writes a cell (maybe empty) for every column of the range.
		for (const row of rows) while (row.length < width) row.push('');
		return { name, rows };
	});
}
