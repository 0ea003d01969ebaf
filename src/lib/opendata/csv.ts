/**
 * Open data shapes (SPEC "Public URLs and open data"): what anyone can download to recompute every score.
 * Each JSON file has a CSV twin with the same rows, UTF-8 with BOM so that Excel and WPS open it correctly.
 */
import type { QuarterResult, UnitResult } from '../scoring/score.ts';
import type { PublicOverride } from '../dishonesty/public.ts';
import type { Release } from '../releases.ts';
import { GRADES, labelsOf } from '../../schemas/enums.ts';

/** A quarter's results in their public form (`src/page-data/quarters.ts`): overrides by public record id and wording. */
type PublicQuarter = Omit<QuarterResult, 'units'> & {
	units: (Omit<UnitResult, 'overrides'> & { overrides: PublicOverride[] })[];
	release: Release;
};

/** The columns of a unit's published result, in the order the grades files and the grades history write them. */
export const RESULT_FIELDS = ['id', 'name', 'category', 'score', 'grade', 'rank', 'change'] as const;

/** A unit's published result: its `RESULT_FIELDS`, in their order. */
export function resultRow(u: Pick<UnitResult, (typeof RESULT_FIELDS)[number]>) {
	return {
		id: u.id,
		name: u.name,
		category: u.category,
		score: u.score,
		grade: u.grade,
		rank: u.rank,
		change: u.change,
	};
}

/** A unit's result as both forms of a grades file list it, in their column order. */
const resultColumns = (u: PublicQuarter['units'][number]) => ({ ...resultRow(u), maxPoints: u.maxPoints });

/** A grade in words (红名单 …), for text cells. */
const GRADE_WORD = labelsOf(GRADES);

/**
 * `/data/grades/<YYYY-Qn>.json`.
 * @param corrected the ids of the corrections of this quarter that changed each unit's results (its values here are
 * the corrected ones), by unit id
 * @param changeCorrected the ids of the corrections of the quarter before, dated after this quarter's release, that
 * changed each unit's score: its `change` here is measured against the corrected score, not the one of the release
 */
export function gradesJson(
	q: PublicQuarter,
	asOf: string,
	corrected: ReadonlyMap<string, readonly string[]> = new Map(),
	changeCorrected: ReadonlyMap<string, readonly string[]> = new Map(),
) {
	return {
		quarter: q.quarter,
		rubric: String(q.rubric),
		asOf,
		releasedOn: q.release.releasedOn,
		docNumber: q.release.docNumber,
		units: q.units.map((u) => ({
			...resultColumns(u),
			points: u.points,
			overrides: u.overrides.map((o) => ({ grade: o.grade, reason: o.reason, recordId: o.recordId })),
			records: u.records,
			evidence: Object.fromEntries(u.indicators.map((i) => [i.id, i.evidence])),
			// The pledges indicator counts enterprises, not evidence rows: the pledges it counted, by indicator.
			pledges: Object.fromEntries(u.indicators.flatMap((i) => (i.pledges ? [[i.id, i.pledges]] : []))),
			corrections: [...(corrected.get(u.id) ?? [])],
			changeCorrections: [...(changeCorrected.get(u.id) ?? [])],
		})),
	};
}

/** What makes a CSV cell need quotes: a comma, a quote, a line break or a BOM, or a space at either end. */
const NEEDS_QUOTES = /[,"\r\n\uFEFF]|^ | $/;

/**
 * One CSV cell, exactly as papaparse's `unparse` writes it (which this replaced: at city scale the open data is a
 * million rows, and papaparse took five seconds of the build): quotes doubled, and the cell quoted when it needs it.
 */
export function csvCell(s: string): string {
	// Stryker disable next-line StringLiteral: includes('') is always true, and replacing the quotes of a text without any changes nothing.
	const escaped = s.includes('"') ? s.replaceAll('"', '""') : s;
	return NEEDS_QUOTES.test(s) ? `"${escaped}"` : escaped;
}

/**
 * What a spreadsheet reads as the start of a formula: `=`, `+`, `-`, `@`, a tab or a carriage return (OWASP, "CSV
 * Injection"). Excel and WPS run `=HYPERLINK(…)` or `+cmd|'/C calc'!A0` in a cell of a downloaded file.
 */
/** A signed decimal number (`-10`, `+3.5`): a spreadsheet reads it as that number, never as a formula. */
const PLAIN_NUMBER = /^[+-]\d+(\.\d+)?$/;

/**
 * A text cell made inert for spreadsheets: text that starts like a formula gets a leading apostrophe, which Excel,
 * WPS and LibreOffice read as "this cell is text" and do not show. Plain numbers are left as they are. Only the CSV
 * files get this; the JSON files keep the original text.
 */
export function inertCell(s: string): string {
	// A switch on the first character, not a regular expression: the open data of a city is millions of cells.
	switch (s.charCodeAt(0)) {
		case 61: // =
		case 43: // +
		case 45: // -
		case 64: // @
		case 9: // tab
		case 13: // carriage return
			return PLAIN_NUMBER.test(s) ? s : `'${s}`;
		default:
			return s;
	}
}

/** What the data dictionary says about it (one sentence, shown on /data/dictionary/ and in src/docs/data-dictionary.md). */
export const CSV_FORMULA_NOTE =
	"开放数据的 CSV 文件中，以 =、+、-、@、制表符或回车开头的文字前面加了一个英文单引号 '，防止 Excel、WPS 把它当作公式执行（OWASP 关于 CSV 注入的建议）；Excel、WPS 打开时不显示这个单引号。数字（如扣分 -10）仍是数字，不加单引号；JSON 文件保留原文。";

/**
 * CSV text with a UTF-8 BOM and CRLF line ends; values that are arrays are joined with "、", objects are JSON. Numbers
 * are written as numbers; every text cell goes through `inertCell`.
 */
export function toCsv(rows: readonly Record<string, unknown>[], columns: readonly string[]): string {
	let text = '';
	for (const line of csvPieces(rows, columns)) text += line;
	return text;
}

/**
 * `toCsv`'s text a line at a time (the BOM with the header, each line with its CRLF), for a file written as it is
 * made rather than held whole (a quarter's evidence file at city scale: `src/loaders/opendata-bulk.ts`).
 */
export function csvPieces(
	rows: readonly Record<string, unknown>[],
	columns: readonly string[],
): Generator<string> {
	return csvFilePieces(columns, rowLines(rows, columns));
}

/** Each row's CSV line (no line end), as `toCsv` writes it. */
function* rowLines(rows: readonly Record<string, unknown>[], columns: readonly string[]): Generator<string> {
	for (const r of rows) {
		let line = '';
		for (let i = 0; i < columns.length; i++) {
			const v = r[columns[i]];
			const s =
				v === undefined || v === null
					? ''
					: typeof v === 'number'
						? String(v)
						: inertCell(
								Array.isArray(v) ? v.join('、') : typeof v === 'object' ? JSON.stringify(v) : String(v),
							);
			line += (i ? ',' : '') + csvCell(s);
		}
		yield line;
	}
}

/** A CSV file a line at a time: a UTF-8 BOM before the header, CRLF after each line. */
function* csvFilePieces(columns: readonly string[], lines: Iterable<string>): Generator<string> {
	yield `\uFEFF${columns.map(csvCell).join(',')}\r\n`;
	let none = true;
	for (const line of lines) {
		none = false;
		yield `${line}\r\n`;
	}
	// papaparse wrote an empty line under the header of a file without rows; kept, so no published file changes.
	if (none) yield '\r\n';
}

/**
 * `JSON.stringify(rows, null, 1)` a row at a time (the open-data JSON files' layout), for a file written as it is
 * made: each row's text indented one more space, as it is inside the array.
 */
export function* jsonArrayPieces(rows: readonly unknown[]): Generator<string> {
	if (!rows.length) {
		yield '[]';
		return;
	}
	// Each row as an array of one writes it: "[\n" + the row, indented + "\n]".
	for (let i = 0; i < rows.length; i++)
		yield `${i ? ',\n' : '[\n'}${JSON.stringify([rows[i]], null, 1).slice(2, -2)}`;
	yield '\n]';
}

/**
 * Digits that Excel, WPS and LibreOffice read as a number and damage: twelve or more (a 统一社会信用代码 of digits only,
 * 913208031234567891, shows as 9.13208E+17 and keeps only its first 15 digits when saved), a leading zero (dropped),
 * or a decimal ending in zero (an indicator id 1.10 shows as 1.1, the id of another indicator).
 */
const DAMAGED_DIGITS = /^(?:\d{12,}|0\d+|\d+\.\d*0)$/;

/**
 * A text cell for a spreadsheet reader: digits it would damage (`DAMAGED_DIGITS`) as the formula `="…"`, which
 * Excel, WPS and LibreOffice show as the text itself; anything else made inert (`inertCell`). The formula holds only
 * the digits the data has, so it runs nothing.
 */
export function spreadsheetTextCell(s: string): string {
	return DAMAGED_DIGITS.test(s) ? `="${s}"` : inertCell(s);
}

/**
 * CSV text of rows of text cells, written as `toCsv` writes text: every cell made inert, then quoted if need be.
 * `textColumns` marks the columns whose cells are texts for a spreadsheet (`spreadsheetTextCell`): identifiers
 * of digits stay as typed.
 */
export function csvText(
	columns: readonly string[],
	rows: readonly (readonly string[])[],
	textColumns: readonly boolean[] = [],
): string {
	const cellOf = columns.map((_, i) => (textColumns[i] ? spreadsheetTextCell : inertCell));
	const lines = rows.map((r) => columns.map((_, i) => csvCell(cellOf[i](r[i] ?? ''))).join(','));
	return [...csvFilePieces(columns, lines)].join('');
}

/** The CSV twin of a grades file: one row per unit, one column per indicator's points. */
export function gradesCsv(q: PublicQuarter, indicatorIds: readonly string[]): string {
	const rows = q.units.map((u) => ({
		quarter: q.quarter,
		releasedOn: q.release.releasedOn,
		docNumber: q.release.docNumber,
		...resultColumns(u),
		...Object.fromEntries(indicatorIds.map((id) => [`points.${id}`, u.points[id]])),
		// With the record's id, as the JSON has it: a repaired record's reason no longer names it, and its opaque id is
		// what ties the override to dishonesty.csv.
		// The grade in words, as the reason is: the cell is text for a reader (the JSON has the code), and the Chinese
		// twin, which turns codes into words by column, cannot reach a code inside a text.
		overrides: u.overrides.map((o) => `${GRADE_WORD[o.grade]}：${o.reason}（${o.recordId}）`).join('；'),
	}));
	return toCsv(rows, [
		'quarter',
		'releasedOn',
		'docNumber',
		...RESULT_FIELDS,
		'maxPoints',
		...indicatorIds.map((i) => `points.${i}`),
		'overrides',
	]);
}
