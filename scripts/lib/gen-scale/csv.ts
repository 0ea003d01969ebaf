/** CSV output of the generator: every input table written as its schema in `src/schemas/` defines it. */
import type { TableDef } from '../../../src/schemas/table.ts';

/** One CSV cell: quoted when it holds a comma, a quote or a line break. */
const cell = (v: string | number | undefined) => {
	const s = v === undefined ? '' : String(v);
	return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
export type Value = string | number | undefined;
/**
 * A row of a table as the generator writes it, keyed by the record fields of its schema (`UnitRow` …): a required
 * column must be given, an optional one may be left out, and a key the schema does not have does not compile.
 */
export type Cells<R> = { [K in keyof R]: undefined extends R[K] ? Value : string | number };

/**
 * The CSV writer of one input table. The header and the order of the cells come from the table's columns in
 * `src/schemas/`, the same definition the validator reads, so a renamed or reordered column changes what is written
 * here too; a row naming a field the table does not have stops the generator (the type check catches it first).
 */
export function csvTable<R>(def: TableDef) {
	const keys = def.columns.map((c) => c.key);
	const known = new Set(keys);
	const header = def.columns.map((c) => cell(c.header)).join(',');
	const line = (row: Cells<R>): string => {
		const cells = row as Record<string, Value>;
		for (const k in cells) if (!known.has(k)) throw new Error(`${def.path} 没有字段 ${k}（见 src/schemas/）`);
		return keys.map((k) => cell(cells[k])).join(',');
	};
	return {
		header,
		line,
		/** The whole file as Excel writes it with "CSV UTF-8": BOM, header, CRLF-free lines. */
		file: (rows: readonly Cells<R>[]) => '\uFEFF' + [header, ...rows.map(line)].join('\n') + '\n',
	};
}
