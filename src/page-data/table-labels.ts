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

const ROW = /<tr\b[^>]*>([\s\S]*?)<\/tr>/g;
const CELL = /<(td|th)\b([^>]*)>([\s\S]*?)<\/\1>/g;

/** Whether the character at `i` ends a tag name (`\b` after it: not a letter, digit or underscore; or the end). */
const ends = (s: string, i: number) => i >= s.length || !/\w/.test(s[i]);

/** Where the next `<name` start tag begins at or after `from` (not `<names…`), or -1. */
function nextTag(s: string, name: string, from: number): number {
	for (let i = s.indexOf(name, from); i >= 0; i = s.indexOf(name, i + 1))
		if (ends(s, i + name.length)) return i;
	return -1;
}

/** Where the next cell start tag (`<td` or `<th`, not `<thead`) begins at or after `from`, or -1. */
function nextCell(s: string, from: number): number {
	for (let i = s.indexOf('<t', from); i >= 0; i = s.indexOf('<t', i + 1))
		if ((s[i + 2] === 'd' || s[i + 2] === 'h') && ends(s, i + 3)) return i;
	return -1;
}

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

/** The cells of one row's content with their labels: the column count starts again in each row. */
function labelRow(row: string, names: readonly string[]): string {
	let out = '';
	let at = 0;
	let column = 0;
	for (let i = nextCell(row, 0); i >= 0; i = nextCell(row, at)) {
		const close = row.indexOf('>', i);
		if (close < 0) break;
		const attrs = row.slice(i + 3, close);
		const label = names[column];
		column += span(attrs);
		out += row.slice(at, i);
		out +=
			!label || /\sdata-label=/.test(attrs)
				? row.slice(i, close + 1)
				: `<${row.slice(i + 1, i + 3)}${attrs} data-label="${label}">`;
		at = close + 1;
	}
	return out + row.slice(at);
}

/** Adds `data-label` (the column's name) to the cells of one table's body rows. */
function labelTable(table: string): string {
	const names = columnNames(table);
	if (!names) return table;
	const headEnd = table.indexOf('</thead>') + '</thead>'.length;
	// Scanned with indexOf rather than regular expressions: a unit's year page is a table of about 80 KB, and the
	// build labels 2,500 of them.
	let out = table.slice(0, headEnd);
	let at = headEnd;
	for (let tr = nextTag(table, '<tr', at); tr >= 0; tr = nextTag(table, '<tr', at)) {
		const open = table.indexOf('>', tr);
		const end = open < 0 ? -1 : table.indexOf('</tr>', open + 1);
		if (end < 0) break;
		out += table.slice(at, open + 1) + labelRow(table.slice(open + 1, end), names);
		at = end;
	}
	return out + table.slice(at);
}

/**
 * The HTML with every `<` and `>` inside a quoted attribute value written as `&lt;` and `&gt;`, which a browser reads
 * as the same value. Astro escapes only `&` and `"` in an attribute, so a value from the data (an aria-label, a search
 * title naming a unit or a notice) can hold `<td>` or `<table>…`, which the scan below would take for a cell and give
 * a `data-label="…"`: its quote would end the value, and the rest of the text, a `<meta http-equiv="refresh">` say,
 * would become markup of the page. Text never holds a raw `<` (Astro and the Markdown renderer escape it); the
 * content of `<script>` and `<style>` is skipped.
 *
 * Returns that HTML, with where the content of each `<script>` and `<style>` lies in it (from the `>` of the start tag
 * to the `<` of the end tag; to the end of the page when there is none): a `<table` there is text of the script, no
 * table to label. A quote that never closes makes the rest of the page its value, so every bracket after it is escaped
 * too.
 */
function bracketFreeAttributes(html: string): { html: string; raw: [number, number][] } {
	let out = '';
	let copied = 0;
	const raw: [number, number][] = [];
	/** Where a place in `html` (at or after `copied`) is in the HTML returned. */
	const returned = (at: number) => out.length + at - copied;
	// Scanned a character at a time within tags and with indexOf between them: this runs on every page with a table.
	for (let i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) {
		const first = html.charCodeAt(i + 1) | 32;
		if (first < 97 || first > 122) continue;
		const rawEnd = html.startsWith('script', i + 1)
			? '</script'
			: html.startsWith('style', i + 1)
				? '</style'
				: '';
		let at = i + 1;
		for (let c = html.charCodeAt(at); at < html.length && c !== 62; c = html.charCodeAt(++at)) {
			if (c !== 34 && c !== 39) continue;
			const close = html.indexOf(c === 34 ? '"' : "'", at + 1);
			if (close < 0) {
				const value = html.slice(at + 1);
				return { html: out + html.slice(copied, at + 1) + escapeBrackets(value), raw };
			}
			const lt = html.indexOf('<', at);
			const gt = html.indexOf('>', at);
			if ((lt >= 0 && lt < close) || gt < close) {
				out += html.slice(copied, at + 1) + escapeBrackets(html.slice(at + 1, close));
				copied = close;
			}
			at = close;
		}
		i = at;
		if (rawEnd) {
			const end = html.indexOf(rawEnd, at);
			raw.push([returned(at), end < 0 ? Infinity : returned(end)]);
			if (end < 0) break;
			i = end;
		}
	}
	return { html: copied === 0 ? html : out + html.slice(copied), raw };
}

/** A value with its brackets written as entities. */
const escapeBrackets = (value: string) => value.replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/**
 * Gives every body cell of every table with a `<thead>` a `data-label` attribute holding its column's name (cells
 * that already have one keep it). Pages without tables come back unchanged.
 */
export function labelTableCells(page: string): string {
	if (!page.includes('<table')) return page;
	// No `<t…` or `>` of an attribute value is taken for markup below, nor a `<table` in a script.
	const { html, raw } = bracketFreeAttributes(page);
	let out = '';
	let at = 0;
	let from = 0;
	for (let start = nextTag(html, '<table', 0); start >= 0; start = nextTag(html, '<table', from)) {
		const script = raw.find(([s, e]) => start > s && start < e);
		if (script) {
			from = script[1];
			continue;
		}
		const end = html.indexOf('</table>', start + '<table'.length);
		if (end < 0) break;
		const close = end + '</table>'.length;
		out += html.slice(at, start) + labelTable(html.slice(start, close));
		at = from = close;
	}
	return at === 0 ? html : out + html.slice(at);
}
