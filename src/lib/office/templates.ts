/**
 * The blank templates of the office page as spreadsheets, made at build time from the table definitions in
 * `src/schemas/` (never a column list of their own): for every input table a workbook whose first sheet has the
 * template's header, a note on each header cell (what the column holds, whether it must be filled, its format), and a
 * drop-down list (Excel/WPS data validation) on every column with a fixed set of values — the options of an
 * enumerated column, the unit ids, the indicator ids of the rubric; a second sheet 填写说明 explains every column.
 * The prefilled file of the next quarter (`npm run new:quarter`) comes the same way, with its rows.
 *
 * SheetJS Community Edition writes the workbook; it does not write data validation (a feature of its paid edition),
 * so the `<dataValidations>` element (ECMA-376 part 1, §18.3.1.32–33) is added to the sheet's XML afterwards, and the
 * package is zipped again with fflate with a fixed date: the same data gives the same bytes on every build.
 */
import { utils, write, type WorkBook, type WorkSheet } from '@e965/xlsx';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { Column, TableDef } from '../../schemas/table.ts';
import type { Rubric } from '../../schemas/rubric.ts';
import type { UnitRow } from '../../schemas/unit.ts';
import { evidenceTable } from '../../schemas/evidence.ts';
import { INPUT_TABLES } from '../validate/tables.ts';
import { addQuarters, quarterIndex, quarterLabel, type QuarterId } from '../quarters.ts';
import { placeholderCsv, placeholders, type Placeholder } from './new-quarter.ts';

/** The sheets a template workbook has besides its data: the office page does not read them as data. */
export const NOTES_SHEET = '填写说明';
export const LISTS_SHEET = '选项';

/** Rows of a template sheet that carry a drop-down list (Excel's own limit is 1,048,576). */
const LIST_ROWS = 10000;

/** The values a column's drop-down list offers, by column key, besides the options of enumerated columns. */
export interface TemplateLists {
	/** Unit ids (单位编号, 并入单位). */
	units: readonly string[];
	/** Indicator ids of the rubric the template is for (指标编号). */
	indicators: readonly string[];
}

/**
 * The drop-down values of a column: the Chinese labels of an enumerated column (one value per cell: a column that
 * takes several values, such as 承诺类型, gets none), the unit ids for a column that refers to units.csv, the
 * indicator ids for 指标编号. Columns refer to units.csv by these keys in every schema (`src/schemas/`).
 */
export function listOf(c: Column, lists: TemplateLists): readonly string[] | undefined {
	if (c.cell.choices && c.cell.type !== 'array') return c.cell.choices.map((o) => o.label);
	if (c.key === 'unitId' || c.key === 'mergedInto') return lists.units.length ? lists.units : undefined;
	if (c.key === 'indicatorId') return lists.indicators.length ? lists.indicators : undefined;
	return undefined;
}

/** What a header cell's note says about its column. */
function columnNote(c: Column): string {
	const parts = [c.doc, c.required ? '必填' : '可以留空'];
	if (c.cell.format) parts.push(`格式：${c.cell.format}`);
	if (c.cell.choices) parts.push(`可填：${c.cell.choices.map((o) => o.label).join('、')}`);
	if (c.example) parts.push(`示例：${c.example}`);
	return parts.join('；');
}

const xmlEscape = (s: string) =>
	s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A drop-down list rule of a column: the values inline when they fit (255 characters), else a range of 选项. */
interface ListRule {
	column: string;
	formula: string;
}

/** Adds the drop-down lists to the first sheet of a workbook written by SheetJS. */
function withLists(xlsx: Uint8Array, rules: readonly ListRule[]): Uint8Array {
	const files = unzipSync(xlsx);
	if (rules.length) {
		const path = 'xl/worksheets/sheet1.xml';
		const xml = strFromU8(files[path]);
		const element =
			`<dataValidations count="${rules.length}">` +
			rules
				.map(
					(r) =>
						`<dataValidation type="list" allowBlank="1" showErrorMessage="1" errorTitle="不是可选的值" error="请从下拉列表中选择" sqref="${r.column}2:${r.column}${LIST_ROWS}"><formula1>${xmlEscape(r.formula)}</formula1></dataValidation>`,
				)
				.join('') +
			'</dataValidations>';
		// The schema's order: after the sheet data (and merges, conditional formats), before hyperlinks and the rest.
		const at = xml.search(
			/<(hyperlinks|printOptions|pageMargins|pageSetup|headerFooter|ignoredErrors|drawing|legacyDrawing)\b|<\/worksheet>/,
		);
		files[path] = strToU8(xml.slice(0, at) + element + xml.slice(at));
	}
	// A fixed date in every entry: the same template is the same file on every build.
	const zippable: Zippable = {};
	for (const [name, data] of Object.entries(files)) zippable[name] = [data, { mtime: new Date(1980, 0, 1) }];
	return zipSync(zippable, { level: 6 });
}

/** A1-style column letters of a 0-based column index. */
const letters = (i: number) => utils.encode_col(i);

/**
 * A template workbook of a table: the header (with notes) and `rows`, the 填写说明 sheet, and the drop-down lists.
 * @param sheetName the data sheet's name (the office page reads a quarter from it: `2024-Q1`)
 */
export function templateXlsx(
	def: TableDef,
	rows: readonly (readonly string[])[],
	lists: TemplateLists,
	sheetName: string,
): Uint8Array {
	const wb: WorkBook = utils.book_new();
	const header = def.columns.map((c) => c.header);
	// An empty cell is no cell (SheetJS would write an empty text).
	const ws: WorkSheet = utils.aoa_to_sheet([header, ...rows.map((r) => r.map((v) => (v === '' ? null : v)))]);
	def.columns.forEach((c, i) => {
		const cell = ws[`${letters(i)}1`];
		cell.c = [{ a: '区信用办', t: columnNote(c) }];
		cell.c.hidden = true;
	});
	ws['!cols'] = def.columns.map((c) => ({ wch: Math.max(10, Math.min(40, c.header.length * 2 + 4)) }));
	utils.book_append_sheet(wb, ws, sheetName.slice(0, 31));

	const notes = utils.aoa_to_sheet([
		['列名', '字段名', '必填', '格式', '可填的值', '说明', '示例'],
		...def.columns.map((c) => [
			c.header,
			c.key,
			c.required ? '是' : '否',
			c.cell.format ?? '',
			(listOf(c, lists) ?? c.cell.choices?.map((o) => o.label) ?? []).join('、'),
			c.doc,
			c.example,
		]),
	]);
	notes['!cols'] = [{ wch: 12 }, { wch: 14 }, { wch: 6 }, { wch: 14 }, { wch: 30 }, { wch: 60 }, { wch: 20 }];
	utils.book_append_sheet(wb, notes, NOTES_SHEET);

	const rules: ListRule[] = [];
	const longLists: string[][] = [];
	def.columns.forEach((c, i) => {
		const values = listOf(c, lists);
		if (!values) return;
		const inline = values.join(',');
		if (inline.length <= 255 && !values.some((v) => /[,"]/.test(v)))
			rules.push({ column: letters(i), formula: `"${inline}"` });
		else {
			const col = letters(longLists.length);
			longLists.push([c.header, ...values]);
			rules.push({ column: letters(i), formula: `'${LISTS_SHEET}'!$${col}$2:$${col}$${values.length + 1}` });
		}
	});
	if (longLists.length) {
		const height = Math.max(...longLists.map((l) => l.length));
		const aoa = Array.from({ length: height }, (_, r) => longLists.map((l) => l[r] ?? ''));
		utils.book_append_sheet(wb, utils.aoa_to_sheet(aoa), LISTS_SHEET);
		wb.Workbook = { Sheets: wb.SheetNames.map((n) => ({ name: n, Hidden: n === LISTS_SHEET ? 1 : 0 })) };
	}
	const bytes = write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
	return withLists(new Uint8Array(bytes), rules);
}

/** A downloadable template: its file name, what it is, and its bytes. */
export interface TemplateFile {
	file: string;
	/** Where the filled file goes in the data folder. */
	target: string;
	title: string;
	bytes: Uint8Array;
}

/** The blank template's CSV: the header only, as `data/templates/` holds it (UTF-8 with BOM, CRLF). */
export function templateCsv(def: TableDef): Uint8Array {
	return new TextEncoder().encode('\uFEFF' + def.columns.map((c) => c.header).join(',') + '\r\n');
}

/** What the next quarter's prefilled file needs: the data folder's units, rubrics and evidence. */
export interface TemplateData {
	units: readonly UnitRow[];
	rubrics: ReadonlyMap<number, Rubric>;
	/** The quarters the template follows on (the site passes the released ones; the next quarter is after the latest). */
	quarters: readonly QuarterId[];
	/**
	 * Evidence record ids in use (ids are unique across all quarters). A list, not a set: at city scale they are a
	 * million, and only the few thousand ids of the prefilled rows are looked for among them.
	 */
	takenIds: readonly string[];
	/** The as-of date, for the quarter to prefill when no quarter has evidence yet. */
	asOf: string;
}

/** The file name a table's template is downloaded as: its file in the data folder (`unit-names`, `evidence`). */
const baseName = (def: TableDef) => def.name;

/**
 * The quarter to prefill: the one after the latest quarter with an evidence file (the quarter of the as-of date when
 * there is none), and whether it can be: its year needs a rubric, and its record ids must be free.
 */
export function nextQuarter(d: TemplateData): { quarter: QuarterId; rows?: Placeholder[]; problem?: string } {
	const latest = [...d.quarters].sort((a, b) => quarterIndex(b) - quarterIndex(a))[0];
	const [y, m] = d.asOf.split('-').map(Number);
	const quarter = latest ? addQuarters(latest, 1) : (`${y}-Q${Math.ceil(m / 3)}` as QuarterId);
	const year = Number(quarter.slice(0, 4));
	const rubric = d.rubrics.get(year);
	if (!rubric)
		return {
			quarter,
			problem: `还没有 ${year} 年的评价指标（rubrics/${year}.json），添加后才能生成${quarterLabel(quarter)}的预填文件`,
		};
	const rows = placeholders(quarter, d.units, rubric);
	const ids = new Set(rows.map((r) => r.id));
	if (d.takenIds.some((id) => ids.has(id)))
		return { quarter, problem: `预填的记录编号已在其他季度使用，无法生成${quarterLabel(quarter)}的预填文件` };
	return { quarter, rows };
}

/**
 * Every template the office page offers: the next quarter's prefilled evidence file (when it can be made) and the
 * blank template of every input table, each as `.xlsx` and `.csv`.
 */
export function officeTemplates(d: TemplateData): TemplateFile[] {
	const latestRubric = [...d.rubrics.keys()].sort((a, b) => b - a)[0];
	const unitIds = d.units.map((u) => u.id);
	const out: TemplateFile[] = [];
	const next = nextQuarter(d);
	if (next.rows) {
		const rubric = d.rubrics.get(Number(next.quarter.slice(0, 4)))!;
		const lists = { units: unitIds, indicators: rubric.indicators.map((i) => i.id) };
		const rows = next.rows.map((r) =>
			evidenceTable.columns.map((c) => (c.key in r ? r[c.key as keyof Placeholder] : '')),
		);
		const title = `${quarterLabel(next.quarter)}评价记录（每个单位、每项指标预填一行）`;
		const target = `evidence/${next.quarter}.csv`;
		out.push({
			file: `${next.quarter}.xlsx`,
			target,
			title,
			bytes: templateXlsx(evidenceTable, rows, lists, next.quarter),
		});
		out.push({
			file: `${next.quarter}.csv`,
			target,
			title,
			bytes: new TextEncoder().encode(placeholderCsv(next.rows)),
		});
	}
	const indicators = latestRubric ? d.rubrics.get(latestRubric)!.indicators.map((i) => i.id) : [];
	for (const def of INPUT_TABLES) {
		const lists = { units: unitIds, indicators };
		out.push({
			file: `${baseName(def)}.xlsx`,
			target: def.path,
			title: def.title,
			bytes: templateXlsx(def, [], lists, def.title),
		});
		out.push({ file: `${baseName(def)}.csv`, target: def.path, title: def.title, bytes: templateCsv(def) });
	}
	return out;
}
