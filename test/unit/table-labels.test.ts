import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { labelTableCells } from '../../src/page-data/table-labels.ts';
import { renderMarkdown } from '../../src/lib/markdown/render.ts';

describe('labelTableCells', () => {
	it('labels each body cell, row headers included, with the name of its column', () => {
		const html =
			'<table><caption>结果</caption><thead><tr><th scope="col">单位</th><th scope="col" class="num">得分</th></tr></thead>' +
			'<tbody><tr data-grade="red"><th scope="row"><a href="/units/a/">甲镇</a></th><td class="num">91.1</td></tr></tbody></table>';
		expect(labelTableCells(html)).toBe(
			'<table><caption>结果</caption><thead><tr><th scope="col">单位</th><th scope="col" class="num">得分</th></tr></thead>' +
				'<tbody><tr data-grade="red"><th scope="row" data-label="单位"><a href="/units/a/">甲镇</a></th><td class="num" data-label="得分">91.1</td></tr></tbody></table>',
		);
	});

	it('takes the names from the last header row, without their markup, and counts spanned columns', () => {
		const html =
			'<table><thead><tr><th colspan="2">上</th></tr><tr><th>指<span class="x">标</span>\n  名称</th><th colspan="2">分"值"</th><th>备注</th></tr></thead>' +
			'<tbody><tr><td>a</td><td colspan="2">b</td><td>c</td></tr><tr><td>d</td><td>e</td><td>f</td><td>g</td></tr></tbody></table>';
		expect(labelTableCells(html)).toContain(
			'<tr><td data-label="指标 名称">a</td><td colspan="2" data-label="分&quot;值&quot;">b</td><td data-label="备注">c</td></tr>' +
				'<tr><td data-label="指标 名称">d</td><td data-label="分&quot;值&quot;">e</td><td data-label="分&quot;值&quot;">f</td><td data-label="备注">g</td></tr>',
		);
	});

	it('reads a header row with attributes, its names trimmed, and is not misled by English text in a cell', () => {
		const html =
			'<table><thead class="h"><tr class="r"><th>说明</th><th scope="col"> 单位 </th></tr></thead>' +
			'<tbody><tr><td>Ash, with a bath, and the old path</td><td>甲</td></tr></tbody></table>';
		expect(labelTableCells(html)).toContain(
			'<tr><td data-label="说明">Ash, with a bath, and the old path</td><td data-label="单位">甲</td></tr>',
		);
	});

	it('counts a span of ten columns or more', () => {
		const names = Array.from({ length: 12 }, (_, i) => `<th>${i + 1}</th>`).join('');
		const html = `<table><thead><tr>${names}</tr></thead><tbody><tr><td colspan="11">a</td><td>b</td></tr></tbody></table>`;
		expect(labelTableCells(html)).toContain(
			'<td colspan="11" data-label="1">a</td><td data-label="12">b</td>',
		);
	});

	it('keeps a label a cell already has, and leaves cells beyond the named columns unlabelled', () => {
		const html =
			'<table><thead><tr><th>甲</th></tr></thead><tbody><tr><td data-label="自定">1</td><td>2</td></tr></tbody></table>';
		expect(labelTableCells(html)).toContain('<td data-label="自定">1</td><td>2</td>');
	});

	it('labels every table of a page and leaves a table without a header row, and pages without tables, alone', () => {
		const bare = '<table><tr><td>1</td></tr></table>';
		const headed = '<table><thead><tr><th>列</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>';
		expect(labelTableCells(`<p>x</p>${bare}${headed}${headed}`)).toBe(
			`<p>x</p>${bare}${headed.replace('<td>', '<td data-label="列">').repeat(2)}`,
		);
		expect(labelTableCells('<main><p>没有表格</p></main>')).toBe('<main><p>没有表格</p></main>');
	});

	it('does not mistake <thead> or <track> for a cell or a row', () => {
		const html =
			'<table><thead><tr><th>甲</th></tr></thead><tbody><tr><td><video><track src="a.vtt"></video></td></tr></tbody></table>';
		expect(labelTableCells(html)).toContain('<td data-label="甲"><video><track src="a.vtt"></video></td>');
	});
});

describe('markup inside an attribute value (Astro escapes only & and " there)', () => {
	/** What a notice title, a unit's or a candidate's name can carry into an aria-label or a search title. */
	const REFRESH = '<meta http-equiv=refresh content=0;url=//evil.example>';
	const TABLE = '<table><thead><tr><th>甲</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>';

	it('stays inside the value: a <td> in an aria-label of a cell is no cell', () => {
		const html = `<table><thead><tr><th>甲</th><th>乙</th></tr></thead><tbody><tr><td><a aria-label="对<td>${REFRESH}提出异议">异议</a></td><td>2</td></tr></tbody></table>`;
		const out = labelTableCells(html);
		expect(out).toContain(
			'<td data-label="甲"><a aria-label="对&lt;td&gt;&lt;meta http-equiv=refresh content=0;url=//evil.example&gt;提出异议">异议</a></td><td data-label="乙">2</td>',
		);
		expect(out.replace(/"[^"]*"/g, '""')).not.toContain('<meta');
	});

	it('stays inside the value: a whole table in a search title before a table (or on a page without one) is text', () => {
		const fake = `<table><thead><tr><th>x</th></tr></thead><tr><td>${REFRESH}`;
		for (const page of [
			`<h1 data-pagefind-meta="title:${fake}">标题</h1>${TABLE}`,
			`<h1 title="${fake}</tr></table>">标题</h1>`,
		]) {
			const out = labelTableCells(page);
			// The heading is as it was, its value's brackets written as entities: no quote was added to end it early.
			const h1 = page.slice(0, page.indexOf('</h1>'));
			expect(out.slice(0, out.indexOf('</h1>'))).toBe(
				h1.replaceAll('<', '&lt;').replaceAll('>', '&gt;').replace('&lt;h1', '<h1').replace('"&gt;', '">'),
			);
			expect(out.replace(/"[^"]*"/g, '""')).not.toContain('<meta');
		}
		expect(labelTableCells(`<h1 title="${fake}">标题</h1>${TABLE}`)).toContain('<td data-label="甲">1</td>');
	});

	it('stays inside a story link’s title, which the validator takes and the renderer keeps as written', () => {
		const story = `见[报道](https://example.org/ "<table><thead><tr><th>x</th></tr></thead><tr><td>${REFRESH}</tr></table>")。\n`;
		const html = renderMarkdown(story, 'exemplars/stories/c1.mdx');
		expect(html).toContain('title="<table>');
		const out = labelTableCells(html);
		expect(out.replace(/"[^"]*"/g, '""')).not.toContain('<meta');
		expect(out).toContain('title="&lt;table&gt;&lt;thead&gt;');
	});

	it('leaves the content of a script and a style alone, and a page whose values hold no bracket unchanged', () => {
		const script = '<script>if (a<td && b>c) x = "</b><td>";</script><style>p::after{content:"<td>"}</style>';
		expect(labelTableCells(script + TABLE)).toBe(script + TABLE.replace('<td>', '<td data-label="甲">'));
		const plain = `<p title='单引号' class="a">文字 "引号" a>b</p>${TABLE}`;
		expect(labelTableCells(plain)).toBe(plain.replace('<td>', '<td data-label="甲">'));
	});

	it('keeps quoted brackets as they are in a script, a style, a comment and the doctype, and only there', () => {
		const kept =
			'<!DOCTYPE html><!-- 注释 "a<td>b" --><script>const t = \'<b title="x<td>y">\';</script>' +
			'<style>a[title="<td>"]{}p::after{content:"<b class=\'a>b\'>"}</style><p>正文 "b>c" 引号</p>';
		expect(labelTableCells(kept + TABLE)).toBe(kept + TABLE.replace('<td>', '<td data-label="甲">'));
		// A table a script writes is the script's text: it was labelled, and its code changed.
		const writes = `<script>el.innerHTML = '${TABLE}';</script>`;
		expect(labelTableCells(writes + TABLE + writes)).toBe(
			writes + TABLE.replace('<td>', '<td data-label="甲">') + writes,
		);
		// Also after a value whose brackets were escaped (the page is longer by then).
		expect(labelTableCells(`<p title="<td><td>">x</p>${writes}${TABLE}`)).toBe(
			`<p title="&lt;td&gt;&lt;td&gt;">x</p>${writes}${TABLE.replace('<td>', '<td data-label="甲">')}`,
		);
		// After a script, values are escaped again; a script that is never closed keeps the rest of the page as it is.
		expect(labelTableCells(`<script>x="<td>"</script><p title="<td>">x</p>${TABLE}`)).toContain(
			'<p title="&lt;td&gt;">x</p>',
		);
		const open = `<script>x = 1;${TABLE}<p title="<td>">`;
		expect(labelTableCells(open)).toBe(open);
	});

	it('escapes a bracket in a value in single quotes, or a lone < or >, and stops at a quote never closed', () => {
		expect(labelTableCells(`<p title='对<td>的' class="a<b" id="c>d">x</p>${TABLE}`)).toContain(
			`<p title='对&lt;td&gt;的' class="a&lt;b" id="c&gt;d">x</p>`,
		);
		// A quote with no end makes the rest of the page its value, as a browser reads it: a table there is text, its
		// brackets escaped, and gets no label (a label's quote would end the value there).
		const cut = `<p title="a<b>c">x</p><p class="${TABLE}`;
		expect(labelTableCells(cut)).toBe(
			`<p title="a&lt;b&gt;c">x</p><p class="${TABLE.replaceAll('<', '&lt;').replaceAll('>', '&gt;')}`,
		);
	});
});

/**
 * The regular-expression version `labelTableCells` had before it was rewritten with indexOf for speed (a unit's year
 * page is an 80 KB table): the two must agree on any HTML, well formed or not.
 */
function byRegex(html: string): string {
	const ROW = /<tr\b[^>]*>([\s\S]*?)<\/tr>/g;
	const CELL_TAG = /<(td|th)\b([^>]*)>/g;
	const CELL = /<(td|th)\b([^>]*)>([\s\S]*?)<\/\1>/g;
	const span = (attrs: string) => {
		const m = /\scolspan="?(\d+)/.exec(attrs);
		return m ? Math.max(1, Number(m[1])) : 1;
	};
	const text = (inner: string) =>
		inner
			.replace(/<[^>]*>/g, '')
			.replace(/\s+/g, ' ')
			.trim()
			.replace(/"/g, '&quot;');
	const table = (t: string) => {
		const head = /<thead\b[^>]*>([\s\S]*?)<\/thead>/.exec(t);
		const rows = head ? [...head[1].matchAll(ROW)] : [];
		if (!rows.length) return t;
		const names: string[] = [];
		for (const [, , attrs, inner] of rows[rows.length - 1][1].matchAll(CELL))
			for (let i = span(attrs); i > 0; i--) names.push(text(inner));
		const headEnd = t.indexOf('</thead>') + '</thead>'.length;
		const body = t.slice(headEnd).replace(ROW, (row) => {
			let column = 0;
			return row.replace(CELL_TAG, (tag, name: string, attrs: string) => {
				const label = names[column];
				column += span(attrs);
				if (!label || /\sdata-label=/.test(attrs)) return tag;
				return `<${name}${attrs} data-label="${label}">`;
			});
		});
		return t.slice(0, headEnd) + body;
	};
	return html.includes('<table') ? html.replace(/<table\b[\s\S]*?<\/table>/g, table) : html;
}

describe('labelTableCells against its regular-expression original', () => {
	const pieces = [
		// A table's start with its column names, so that generated rows after it get labels.
		'<table><thead><tr><th>甲</th><th colspan="2">乙</th><th>丙</th></tr></thead>',
		'<thead><tr><th>丁</th></tr></thead>',
		'<table>',
		'<table class="t">',
		'<tablex>',
		'</table>',
		'<thead>',
		'</thead>',
		'<tbody>',
		'</tbody>',
		'<tr>',
		'<tr data-grade="red">',
		'<track src="a.vtt">',
		'<trx>',
		'</tr>',
		'<td>',
		'<td class="num">',
		'<td colspan="2">',
		'<td data-label="自定">',
		'<td_x>',
		'</td>',
		'<th>',
		'<th scope="row">',
		'<th colspan=3>',
		'</th>',
		'<thead2>',
		'<span>',
		'</span>',
		'甲',
		'分"值"',
		' ',
		'\n',
		'>',
		'<t',
		'<',
	];
	it('gives the same HTML for any sequence of table markup, text and stray brackets', () => {
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40, size: 'max' }), (parts) => {
				const html = parts.join('');
				expect(labelTableCells(html)).toBe(byRegex(html));
			}),
			{ numRuns: 3000 },
		);
	});
});
