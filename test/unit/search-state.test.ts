/**
 * The search page's address and status line: a shared link runs the same search, and the reader is told what was
 * found in words.
 */
import { describe, expect, it } from 'vitest';
import {
	kindLine,
	moreText,
	pagefindFilters,
	searchHref,
	searchTerm,
	statusText,
} from '../../src/scripts/search-state.ts';

const filters = (type = '', year = '') => [
	{ name: 'type', key: '内容类型', value: type },
	{ name: 'year', key: '年份', value: year },
];

describe('the search page', () => {
	it('writes the words and the chosen filters into the address, and nothing else', () => {
		expect(
			searchHref('https://x.example/search/?q=旧&page=2', { term: '诚信 镇', filters: filters('诚信典型') }),
		).toBe(
			'https://x.example/search/?q=%E8%AF%9A%E4%BF%A1+%E9%95%87&type=%E8%AF%9A%E4%BF%A1%E5%85%B8%E5%9E%8B',
		);
		expect(searchHref('https://x.example/search/?q=旧', { term: '', filters: filters() })).toBe(
			'https://x.example/search/',
		);
	});

	it('asks Pagefind with the index’s filter names, only for the filters chosen', () => {
		expect(pagefindFilters({ term: 'a', filters: filters('', '2025') })).toEqual({ 年份: '2025' });
	});

	it('searches full-width input (an input method in 全角 mode) as the half-width characters the index holds', () => {
		expect(searchTerm('２０２２')).toBe('2022');
		expect(searchTerm('ＣＮ－ｂｌｚ－００１　')).toBe('CN-blz-001');
		expect(searchTerm('　陈静怡 ')).toBe('陈静怡');
		expect(searchTerm('平桥镇（街道）')).toBe('平桥镇(街道)');
	});
	it('says what was found: nothing asked, searching, none, some, more than a page', () => {
		const q = { term: '诚信', filters: filters() };
		expect(statusText({ term: '', filters: filters() }, 3)).toBe('请输入关键词，或选择筛选条件。');
		expect(statusText(q)).toBe('正在搜索……');
		expect(statusText(q, 0)).toBe(
			'没有找到与“诚信”相关的内容。请检查有无错别字，或换用较短的词（如单位名称中的两个字、姓名）再试。',
		);
		expect(statusText({ term: '', filters: filters('公示公告') }, 0)).toBe(
			'没有找到相关的内容。请减少筛选条件再试。',
		);
		expect(statusText(q, 20)).toBe('找到 20 条结果。');
		expect(statusText(q, 21)).toBe('找到 21 条结果，显示前 20 条。');
		expect(statusText(q, 45, 40)).toBe('找到 45 条结果，显示前 40 条。');
		expect(statusText(q, 45, 45)).toBe('找到 45 条结果。');
	});

	it('offers the next 20 results while some are not shown, and says how many there are', () => {
		expect(moreText(20, 20)).toBeUndefined();
		expect(moreText(21, 20)).toBe('再显示 1 条（共 21 条）');
		expect(moreText(45, 20)).toBe('再显示 20 条（共 45 条）');
		expect(moreText(45, 40)).toBe('再显示 5 条（共 45 条）');
	});

	it('lists a result’s kind, year, status and category in that order', () => {
		expect(kindLine({ 单位类别: ['镇街'], 内容类型: ['诚信典型'], 年份: ['2025'] })).toBe(
			'诚信典型 · 2025 · 镇街',
		);
		// An exemplar's stage is what a reader searching for 公示中 or 已撤销 looks for under its name.
		expect(kindLine({ 状态: ['已撤销'], 年份: ['2024'], 内容类型: ['诚信典型'] })).toBe(
			'诚信典型 · 2024 · 已撤销',
		);
	});
});
