import { describe, expect, it } from 'vitest';
import { labelTableCells } from '../../src/page-data/table-labels.ts';

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
