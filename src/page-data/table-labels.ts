/**
 * Column names on every data cell, so that a table can be read as a list of cards (长辈模式 on a phone shows each
 * row as a card of "列名：值" pairs, drawn by CSS from `data-label`, with no JavaScript). Applied once to each built
 * page by the page shell (`src/layouts/Base.astro`), so every table of every template gets its labels, including tables
 * added later.
 *
 * Works on the HTML Astro writes, not on arbitrary HTML: tables are never nested, attribute values never hold a
 * raw `>` or `"` (Astro escapes both), and a table's column names are the cells of its `<thead>`'s last row. A table
 * without a `<thead>` is left as it is. Hand-written rather than a full HTML parser: this runs on every page of a
 * city-scale build (thousands of pages), and only the start tags of cells change.
 */

const TABLE = /<table\b[\s\S]*?<\/table>/g;
const ROW = /<tr\b[^>]*>([\s\S]*?)<\/tr>/g;
const CELL_TAG = /<(td|th)\b([^>]*)>/g;
const CELL = /<(td|th)\b([^>]*)>([\s\S]*?)<\/\1>/g;

/** The number of columns a cell spans (`colspan`, default 1). */
function span(attrs: string): number {
	const m = /\scolspan="?(\d+)/.exec(attrs);
	return m ? Math.max(1, Number(m[1])) : 1;
}

/** A header cell's text for an attribute value: tags removed, white space collapsed, quotes escaped. */
function headerText(inner: string): string {
	return inner
		.replace(/<[^>]*>/g, '')
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/"/g, '&quot;');
}

/** The column names of a table: its `<thead>`'s last row, one entry per column (spanned columns repeat). */
function columnNames(table: string): string[] | undefined {
	const head = /<thead\b[^>]*>([\s\S]*?)<\/thead>/.exec(table);
	if (!head) return undefined;
	const rows = [...head[1].matchAll(ROW)];
	if (!rows.length) return undefined;
	const names: string[] = [];
	for (const [, , attrs, inner] of rows[rows.length - 1][1].matchAll(CELL))
		for (let i = span(attrs); i > 0; i--) names.push(headerText(inner));
	return names;
}

/** Adds `data-label` (the column's name) to the cells of one table's body rows. */
function labelTable(table: string): string {
	const names = columnNames(table);
	if (!names) return table;
	const headEnd = table.indexOf('</thead>') + '</thead>'.length;
	const body = table.slice(headEnd).replace(ROW, (row) => {
		let column = 0;
		return row.replace(CELL_TAG, (tag, name: string, attrs: string) => {
			const label = names[column];
			column += span(attrs);
			if (!label || /\sdata-label=/.test(attrs)) return tag;
			return `<${name}${attrs} data-label="${label}">`;
		});
	});
	return table.slice(0, headEnd) + body;
}

/**
 * Gives every body cell of every table with a `<thead>` a `data-label` attribute holding its column's name (cells
 * that already have one keep it). Pages without tables come back unchanged.
 */
export function labelTableCells(html: string): string {
	if (!html.includes('<table')) return html;
	return html.replace(TABLE, labelTable);
}
