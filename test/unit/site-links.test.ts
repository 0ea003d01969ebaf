/**
 * Links of the office's texts to this site (`src/lib/validate/site-links.ts`): which links the validator keeps, with
 * where they are written and the page that shows the text, and which of them the check of the built site refuses.
 */
import { describe, expect, it } from 'vitest';
import { storyText } from '../../src/lib/validate/story.ts';
import { brokenSiteLinks, type SiteLink } from '../../src/lib/validate/site-links.ts';
import { formatIssue } from '../../src/lib/issues.ts';
import { validate } from '../helpers/validate.ts';
import { fixtureText } from '../helpers/files.ts';

describe('the links a text makes to this site', () => {
	it('are its inline links and the definitions its reference links use, each where it is written', () => {
		const text = [
			'见[评价方法](/methodology/#rubric-2022)和[上一年](../2021/)。', // line 1
			'', // 2
			'另见[数据][d]、[官网](https://www.gov.cn/)、[信箱](mailto:a@example.org)、[本页](#top)。', // 3
			'', // 4
			'[d]: /data/units.json', // 5
			'[unused]: /no/such/page/', // 6: defined, never used, so no reader's link goes there
			'[D]: /second/definition/', // 7: the first definition of a label is the one used
		].join('\n');
		expect(storyText(text, 'x.mdx').links).toEqual([
			{ url: '/methodology/#rubric-2022', line: 1, column: 2 },
			{ url: '../2021/', line: 1, column: 36 },
			{ url: '#top', line: 3, column: 64 },
			{ url: '/data/units.json', line: 5, column: 1 },
		]);
	});

	it('are kept by the validator with the page each text is shown on', () => {
		const story = `${fixtureText('exemplars/stories/c1.mdx')}\n\n见[评价方法](/methodology/)。\n`;
		const line = story.split('\n').length - 1;
		const d = validate({ 'exemplars/stories/c1.mdx': story });
		expect(d.issues.filter((i) => i.severity === 'error')).toEqual([]);
		// candidates.csv: c1 is a 2022 candidate.
		expect(d.siteLinks).toEqual([
			{
				file: 'data/exemplars/stories/c1.mdx',
				line,
				column: 2,
				url: '/methodology/',
				page: '/exemplars/2022/c1/',
			},
		]);
	});
});

describe('the check of the built site', () => {
	// The built site: three pages and a data file; the methodology page has the anchors #standard and #评价.
	const files = new Set([
		'/index.html',
		'/policies/p1/index.html',
		'/methodology/index.html',
		'/exemplars/2024/c1/index.html',
		'/data/units.json',
	]);
	const site = {
		isFile: (path: string) => files.has(path),
		ids: (path: string) => new Set(path === '/methodology/index.html' ? ['standard', '评价'] : ['main']),
	};
	const link = (url: string, page = '/policies/p1/'): SiteLink => ({
		file: 'data/policies/p1.mdx',
		line: 3,
		column: 7,
		url,
		page,
	});
	const check = (...links: SiteLink[]) => brokenSiteLinks(links, site).map(formatIssue);

	it('passes a link to a page, a file, an anchor the page has, and the text’s own page', () => {
		expect(
			check(
				link('/methodology/'),
				link('/methodology/#standard'),
				link('/methodology/#%E8%AF%84%E4%BB%B7'), // #评价, as a browser writes it
				link('/data/units.json'),
				link('/data/units.json#L2'), // a fragment of a file that is not a page: the browser opens the file
				link('/'),
				link('#main'),
				link(''),
				link('../../methodology/'),
			),
		).toEqual([]);
	});

	it('refuses a page or file the site does not have, at the link’s place, saying what to do', () => {
		expect(check(link('/data/rubrics/2022.json'), link('/units/nosuch/'))).toEqual([
			'data/policies/p1.mdx:3:7: 链接 "/data/rubrics/2022.json" 指向本站没有的页面 /data/rubrics/2022.json：请改正链接地址（可以在浏览器里打开那一页，从地址栏复制），或删去这个链接 (broken-link)',
			'data/policies/p1.mdx:3:7: 链接 "/units/nosuch/" 指向本站没有的页面 /units/nosuch/：请改正链接地址（可以在浏览器里打开那一页，从地址栏复制），或删去这个链接 (broken-link)',
		]);
	});

	it('says when only the closing “/” of a page’s address is missing', () => {
		expect(check(link('/methodology'))).toEqual([
			'data/policies/p1.mdx:3:7: 链接 "/methodology" 少了结尾的“/”：本站这一页的地址是 /methodology/，请改成这个地址 (broken-link)',
		]);
	});

	it('refuses an anchor the page does not have, and reads a relative link from the text’s page', () => {
		expect(check(link('/methodology/#rubric-2022'), link('../2023/', '/exemplars/2024/c1/'))).toEqual([
			'data/policies/p1.mdx:3:7: 链接 "/methodology/#rubric-2022" 指向的页面 /methodology/ 中没有“#rubric-2022”这个位置：请改正或删去“#”及其后的部分 (broken-link)',
			// From /exemplars/2024/c1/, ../2023/ is /exemplars/2024/2023/.
			'data/policies/p1.mdx:3:7: 链接 "../2023/" 指向本站没有的页面 /exemplars/2024/2023/：请改正链接地址（可以在浏览器里打开那一页，从地址栏复制），或删去这个链接 (broken-link)',
		]);
	});

	it('leaves alone the links of a text the site does not show, and links to other sites', () => {
		expect(check(link('/units/nosuch/', '/exemplars/2025/c9/'), link('//example.org/x/'))).toEqual([]);
	});

	it('refuses an address that cannot be read as one', () => {
		expect(check(link('/units/%E8%AF/'))).toEqual([
			'data/policies/p1.mdx:3:7: 链接 "/units/%E8%AF/" 不是有效的网址：请改正链接地址，或删去这个链接 (broken-link)',
		]);
	});
});
