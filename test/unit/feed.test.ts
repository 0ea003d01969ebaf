import { describe, expect, it } from 'vitest';
import { getRssString } from '@astrojs/rss';
import { feedPlainText, releaseFeedItem } from '../../src/lib/feed.ts';

/** What a feed reader renders as HTML: the item's description with the XML's own escaping undone. */
async function readerHtml(description: string): Promise<string> {
	const xml = await getRssString({
		title: '公示公告',
		description: '测试',
		site: 'https://test.example',
		items: [{ title: '公示', link: '/notices/x/', description }],
	});
	const inner = /<item>.*<description>(.*)<\/description>/s.exec(xml)![1];
	return inner
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&amp;/g, '&');
}

describe('RSS descriptions', () => {
	it('reach a feed reader as text, not markup, whatever a name holds', async () => {
		const name = '王某某<img src=x onerror="alert(1)">&amp;';
		const html = await readerHtml(feedPlainText(`拟认定人选：${name}。`));
		expect(html).not.toContain('<');
		expect(html).toBe('拟认定人选：王某某&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;amp;。');
	});

	it('escape each of & < > " and \' (a quote would end an attribute in the HTML a reader builds)', () => {
		expect(feedPlainText(`a&b<c>"d'e`)).toBe('a&amp;b&lt;c&gt;&quot;d&#39;e');
	});

	it('show ordinary Chinese text unchanged', async () => {
		expect(await readerHtml(feedPlainText('公示期：2026年11月18日至2026年11月26日（7 个工作日）。'))).toBe(
			'公示期：2026年11月18日至2026年11月26日（7 个工作日）。',
		);
	});
});

describe('the releases feed (/grades/rss.xml)', () => {
	const q = {
		quarter: '2026-Q3' as const,
		release: { releasedOn: '2026-10-20', docNumber: '淮信用办〔2026〕9号' },
		units: [
			{ grade: 'blue' },
			{ grade: 'red' },
			{ grade: 'blue' },
			{ grade: 'yellow' },
			{ grade: 'blue' },
		] as const,
	};

	it('announces a release by its quarter and document, with the count of each grade, at its quarter’s page', () => {
		expect(releaseFeedItem(q, 'https://xy.example/')).toEqual({
			title: '2026年第三季度综合信用评价结果（淮信用办〔2026〕9号）',
			link: 'https://xy.example/grades/2026-Q3/',
			// 2026-10-20 00:00 in Asia/Shanghai is 16:00 the day before in UTC.
			pubDate: new Date('2026-10-19T16:00:00Z'),
			description:
				'2026-10-20 发布，5 个单位：红名单 1 个、蓝名单 3 个、黄名单 1 个。各单位的得分、等次和排名见季度结果页。',
		});
	});

	it('is one item per quarter, identified and linked by the quarter’s page, dated in GMT as RSS writes dates', async () => {
		const item = releaseFeedItem(q, 'https://xy.example/');
		const xml = await getRssString({
			title: 't',
			description: 'd',
			site: 'https://xy.example/',
			items: [item],
		});
		expect(xml).toContain('<link>https://xy.example/grades/2026-Q3/</link>');
		expect(xml).toContain('<guid isPermaLink="true">https://xy.example/grades/2026-Q3/</guid>');
		expect(xml).toContain('<pubDate>Mon, 19 Oct 2026 16:00:00 GMT</pubDate>');
	});
});
