/**
 * The Chinese twin of an open-data CSV file (`grades/2023-Q4-中文.csv` next to `grades/2023-Q4.csv`), for readers who
 * open it in Excel or WPS: the same rows, the columns headed by their Chinese titles and coded values written in
 * Chinese (`town` → 镇（街道）, `red` → 红名单, `true` → 是; `points.1.1` is headed `1.1 “双公示”信息报送`).
 *
 * Nothing here names a column: the headers and words come from the file's Table Schema in the data package
 * (`datapackage.ts`: each field's `title` and `categories`), the one description of every open-data file, itself
 * made from the input schemas (`src/schemas/`). A column the schema does not describe keeps its name. The twin is
 * written the way its original is (`csvText` beside `toCsv`: UTF-8 with BOM, text that looks like a formula made inert),
 * except that a text field's cell of digits a spreadsheet would damage (an 18-digit 统一社会信用代码, a code with a
 * leading zero) is written `="…"`, so that Excel, WPS and LibreOffice show it as it is, not as 9.13208E+17. The
 * original CSV keeps the plain digits, for programs.
 */
import Papa from 'papaparse';
import { csvText } from './csv.ts';
import { LIST_DELIMITER, type Field } from './table-schema.ts';

/** What the twin's file name adds before `.csv`. */
export const TWIN_SUFFIX = '-中文';

/** The twin of a CSV path: `grades/2023-Q4.csv` → `grades/2023-Q4-中文.csv`. */
export function twinPath(csvPath: string): string {
	return csvPath.replace(/\.csv$/, `${TWIN_SUFFIX}.csv`);
}

/** Whether a path is a twin (so a twin never gets a twin). */
export const isTwin = (path: string) => path.endsWith(`${TWIN_SUFFIX}.csv`);

const BOOLEAN: Record<string, string> = { true: '是', false: '否' };

/**
 * How a column's cells read in Chinese: its code's category label (each item of a list), a boolean as 是/否, anything
 * else as it is. Made once per column, not per cell: the evidence files of a city are a million rows.
 */
function cellText(f: Field | undefined): (raw: string) => string {
	if (f?.type === 'boolean') return (raw) => BOOLEAN[raw] ?? raw;
	const words = f?.categories && new Map(f.categories.map((c) => [c.value, c.label]));
	if (!words) return (raw) => raw;
	if (f.type === 'list') {
		const delimiter = f.delimiter ?? LIST_DELIMITER;
		return (raw) =>
			raw
				.split(delimiter)
				.map((v) => words.get(v) ?? v)
				.join(LIST_DELIMITER);
	}
	return (raw) => words.get(raw) ?? raw;
}

/**
 * The twin of a CSV file (its text as published, BOM and all), given the fields that describe it. Headers are the
 * fields' titles; two columns with one title are told apart by their names.
 */
export function twinCsv(fields: readonly Field[], csv: string): string {
	const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
	if (parsed.errors.length) throw new Error(`CSV 无法读取：${parsed.errors[0].message}`);
	const [header, ...rows] = parsed.data;
	const byName = new Map(fields.map((f) => [f.name, f]));
	const titles = header.map((h) => byName.get(h)?.title ?? h);
	const headers = titles.map((t, i) =>
		titles.indexOf(t) !== titles.lastIndexOf(t) ? `${t}（${header[i]}）` : t,
	);
	const words = header.map((h) => cellText(byName.get(h)));
	// An empty cell stays empty, whatever its column.
	return csvText(
		headers,
		rows.map((r) => headers.map((_, i) => (r[i] ? words[i](r[i]) : ''))),
		header.map((h) => byName.get(h)?.type === 'string'),
	);
}
