/**
 * What the search index files a page under (`src/lib/exemplars/search.ts`): the filters a reader picks from. A
 * candidate whose 公示 drew an objection still being checked (verifying) is 公示中, not yet 已认定; Pagefind reads
 * `data-pagefind-meta` pairs separated by commas, so a value's own comma must not split it.
 */
import { describe, expect, it } from 'vitest';
import { searchFilters, searchMeta } from '../../src/lib/exemplars/search.ts';

describe('search filters', () => {
	it('file each public stage under the status a reader looks for', () => {
		const status = (s: Parameters<typeof searchFilters>[0]['status']) =>
			searchFilters({ type: '诚信典型', status: s }).find((f) => f.startsWith('状态:'));
		expect(
			(['publicizing', 'verifying', 'recognized', 'revoked', 'not-recognized'] as const).map(status),
		).toEqual(['状态:公示中', '状态:公示中', '状态:已认定', '状态:已撤销', '状态:未予认定']);
	});

	it('file a page under its type, year, status and unit category, in that order', () => {
		expect(
			searchFilters({ type: '诚信典型', year: 2026, status: 'recognized', unitCategory: '镇（街道）' }),
		).toEqual(['内容类型:诚信典型', '年份:2026', '状态:已认定', '单位类别:镇（街道）']);
	});

	it('leave out what a page does not have, and keep a value with a comma or line break in one piece', () => {
		expect(searchFilters({ type: '被评价单位', year: 2024, unitCategory: '' })).toEqual([
			'内容类型:被评价单位',
			'年份:2024',
		]);
		expect(searchMeta({ 单位: '区城管局,执法局', 职务: ' 科员\n副科长 ' })).toBe(
			'单位:区城管局，执法局, 职务:科员 副科长',
		);
	});
});
