/**
 * Reading the office's Excel/WPS workbooks (`.xlsx`) on the office page: every sheet as rows of cell texts, the text
 * each cell holds as its CSV export would write it, so the validator reads a workbook exactly as it reads the CSV
 * file saved from it. SheetJS Community Edition (`@e965/xlsx`, the npm release of SheetJS 0.20) does the reading.
 */
import { read, SSF, utils, type CellObject, type WorkBook } from '@e965/xlsx';
import { Unzip, UnzipInflate, unzipSync } from 'fflate';
import { decodeText } from '../csv.ts';

/** One sheet: its name and its rows from the sheet's first row and column A, as texts. */
export interface SheetRows {
	name: string;
	rows: string[][];
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * A number as the sheet shows it when that is the number (`8` for 8, `0.3` for 0.1 + 0.2), else the number itself
 * to 15 significant digits, as Excel's General format would write it: a 得分 of 7.5 formatted `0` shows 8 and a long
 * number 1.23457E+11, and Excel's CSV export writes those, silently changing the value; the office page reads the
 * workbook itself and need not. (A percentage is `percentText`'s.)
 */
function numberText(cell: CellObject): string {
	const v = cell.v;
	if (typeof v !== 'number') return cell.w ?? String(v ?? '');
	const shown = cell.w === undefined ? NaN : Number(cell.w);
	// Stryker disable next-line EqualityOperator: a difference of exactly 1e-12 of the value is no shown number's.
	if (Number.isFinite(shown) && Math.abs(shown - v) <= Math.abs(v) * 1e-12) return cell.w!;
	return String(Number(v.toPrecision(15)));
}

/** Whether a number format shows its number as a percentage: a `%` outside quoted text and escapes (`0%`, `0.0%`). */
const isPercent = (z: string) => /%/.test(z.replace(/"[^"]*"|\\./g, ''));

/**
 * A number formatted as a percentage, as the clerk typed it: the value times 100 to 15 significant digits, with `%`
 * (`50%` for 0.5, `50.5%` for 0.505 that `0%` shows as 51%). Typed into a text column (服务质量 `100%`) it is the
 * text the clerk sees, not 1; in a number column it is refused as the same cell of a CSV file is (不写百分号), never
 * published as a ratio the sheet did not show.
 */
const percentText = (v: number) => `${Number((v * 100).toPrecision(15))}%`;

/**
 * The text of a cell, as Excel's "CSV UTF-8" export writes it, with one exception: a date is written `YYYY-MM-DD`.
 * A date cell holds a day, not a spelling; Excel writes it in the computer's short-date format (`2024/2/8` on a
 * Chinese Windows), which SheetJS cannot know and would write in the American form (`2/8/24`). Numbers are written as
 * the sheet shows them when that is their value (`numberText`), percentages as typed (`percentText`), a time of day
 * alone as `9:00`, texts as typed, formulas by their value.
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
				// A time of day alone (9:00 typed into a cell: a fraction of day 0) is that time, as the sheet shows it,
				// not a time on day 0 of 1900, which no calendar has.
				if (cell.v >= 0 && cell.v < 1) return `${d.H}:${pad(d.M)}${d.S ? `:${pad(d.S)}` : ''}`;
				const day = `${pad(d.y, 4)}-${pad(d.m)}-${pad(d.d)}`;
				return d.H || d.M || d.S ? `${day} ${pad(d.H)}:${pad(d.M)}:${pad(d.S)}` : day;
			}
			if (typeof cell.v === 'number' && cell.z !== undefined && isPercent(String(cell.z)))
				return percentText(cell.v);
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

/**
 * The most a workbook's package may hold unpacked, in bytes. A data sheet of thousands of rows unpacks to a few MB;
 * a package of 2 MB can unpack to gigabytes (a "zip bomb", or a sheet full of nothing), which SheetJS would unpack
 * whole, taking the clerk's tab down (Chromium's "Aw, Snap!" after 25 s for 2 GB).
 */
export const UNPACKED_LIMIT = 256 * 1024 * 1024;

/**
 * The most cells a sheet may have from A1 to its last filled cell. A stray space typed at XFD1048576 makes the
 * range 17 billion cells, which no browser holds (the CSV export would be 17 GB).
 */
export const CELL_LIMIT = 20_000_000;

/** Thrown when the bytes unpacked pass `UNPACKED_LIMIT`, to stop the unpacking. */
class TooBig extends Error {}

/**
 * Whether a zip package unpacks to more than `UNPACKED_LIMIT`: by the sizes its directory declares, and (as these can
 * lie, and SheetJS unpacks on past them) by unpacking it, counting, without keeping what is unpacked. Throws `BROKEN`
 * when the package is no zip fflate can read.
 */
function unpacksTooBig(bytes: Uint8Array, limit: number): boolean {
	let declared = 0;
	try {
		unzipSync(bytes, {
			filter: (f) => {
				declared += f.originalSize;
				return false;
			},
		});
	} catch {
		throw new Error(BROKEN);
	}
	if (declared > limit) return true;
	let unpacked = 0;
	const unzip = new Unzip((file) => {
		file.ondata = (err, chunk) => {
			if (err) throw err;
			unpacked += chunk.length;
			if (unpacked > limit) throw new TooBig();
		};
		file.start();
	});
	unzip.register(UnzipInflate);
	try {
		unzip.push(bytes, true);
	} catch (e) {
		// Anything else fflate's streaming reader stumbles on is SheetJS's to read or refuse.
		if (e instanceof TooBig) return true;
	}
	return false;
}

/** Whether a web page's bytes hold a <table> anywhere (in any ASCII-compatible encoding). */
const hasTable = (bytes: Uint8Array) => /<table\b/i.test(new TextDecoder('latin1').decode(bytes));

/**
 * Reads a workbook's bytes; throws (in Chinese) when they are not a workbook SheetJS can read.
 * @param unpackedLimit the most bytes its package may unpack to (a test's smaller bound)
 */
export function readWorkbook(bytes: Uint8Array, unpackedLimit = UNPACKED_LIMIT): WorkBook {
	// An .xlsx is a zip package. SheetJS 0.20.3 never returns on some truncated ones (a zip header and a few bytes,
	// as an interrupted download leaves): fflate checks the package first, and refuses it at once.
	if (bytes[0] === 0x50 && bytes[1] === 0x4b && unpacksTooBig(bytes, unpackedLimit))
		throw new Error(
			`这个 Excel 文件解压后超过 ${Math.round(unpackedLimit / 1024 / 1024)} MB（一张数据表通常只有几 MB），可能已损坏或含有大量多余的内容；为免浏览器卡死，没有读取。请在 Excel/WPS 中打开，删去多余的行、列和图片后另存为 .xlsx 或 CSV`,
		);
	// A web page saved with an .xls name: SheetJS reads a page's <table> as a sheet (as the "Excel" exports of many
	// web systems are), but a page without one would come out as its text in cells, and as nonsense errors.
	const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096)).trimStart().toLowerCase();
	if (/^(?:\ufeff|ï»¿)?\s*<(?:!doctype html|html|head|body|meta)\b/.test(head) && !hasTable(bytes))
		throw new Error(
			'这是一个网页文件（HTML），里面没有表格，不是 Excel 工作簿。请在 Excel/WPS 中打开数据表后另存为 .xlsx 或 CSV',
		);
	// A text file with a workbook's name, in GBK or UTF-16 (the "Excel" export of many web systems is CSV or an HTML
	// table in GBK): SheetJS reads text bytes as Latin-1, every Chinese character mojibake ("¼ÇÂ¼±àºÅ" for 记录编号),
	// and the sheet fails every check of its header. Decoded as the validator decodes a CSV file, it reads as written.
	const container = (bytes[0] === 0x50 && bytes[1] === 0x4b) || (bytes[0] === 0xd0 && bytes[1] === 0xcf);
	const decoded = container ? undefined : decodeText(bytes, 'workbook.csv', 'csv');
	const text = decoded?.encoding === 'gb18030' || decoded?.encoding === 'utf-16' ? decoded.text : undefined;
	let wb: WorkBook;
	try {
		const options = { dense: true, cellNF: true, cellHTML: false, cellStyles: false } as const;
		wb =
			text === undefined
				? read(bytes, { type: 'array', ...options })
				: read(text, { type: 'string', ...options });
	} catch (e) {
		// SheetJS's words for a workbook with an open password (Excel's or WPS's 加密, and an .xls's).
		if (/password/i.test(String((e as Error)?.message ?? e)))
			throw new Error(
				'这个 Excel 文件设置了打开密码（加密），无法读取。请在 Excel/WPS 中打开它，取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码；WPS：文件 → 文档加密）后另存，再放入',
			);
		throw new Error(BROKEN);
	}
	// A sheet SheetJS could not parse (a shared string past the end of the list, broken XML) is left out of Sheets
	// while its name stays in SheetNames.
	const broken = wb.SheetNames.find((name) => !wb.Sheets[name]);
	if (broken !== undefined)
		throw new Error(
			`无法读取这个 Excel 文件的工作表“${broken}”（文件损坏）。请在 Excel/WPS 中打开后另存为 .xlsx`,
		);
	return wb;
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
		// The cells the sheet holds, not the range its <dimension> declares: a writer may declare A1:XFD1048576 for
		// six rows (17 billion cells to walk, and the tab runs out of memory), or A1:C3 for rows to K6 (three rows
		// read, the rest silently lost). Excel and its CSV export go by the cells, as this does.
		const data = (ws['!data'] ?? []) as ((CellObject | undefined)[] | undefined)[];
		const rows: string[][] = [];
		let width = 0;
		for (let r = 0; r < data.length; r++) {
			const src = data[r];
			if (onRow && r % 1000 === 999) onRow(r + 1, data.length);
			if (!src?.length) continue;
			const row: string[] = [];
			for (let c = 0; c < src.length; c++) row.push(cellText(src[c], date1904));
			while (row.length && row[row.length - 1] === '') row.pop();
			if (!row.length) continue;
			rows[r] = row;
			width = Math.max(width, row.length);
		}
		if (rows.length * width > CELL_LIMIT) {
			const last = `${utils.encode_col(width - 1)}${rows.length}`;
			throw new Error(
				`工作表“${name}”从 A1 一直到 ${last}（${rows.length} 行、${width} 列）都算作有内容，太大，无法在浏览器中检查：多半是表格下方或右侧远处有多余的内容（如一个空格）。请在 Excel/WPS 中按 Ctrl+End 找到它，删除多余的行和列后另存`,
			);
		}
		// Every row as wide as the widest: the CSV export writes a cell (maybe empty) for every column of the range.
		const out = Array.from({ length: rows.length }, (_, r) => rows[r] ?? []);
		for (const row of out) while (row.length < width) row.push('');
		return { name, rows: out };
	});
}
