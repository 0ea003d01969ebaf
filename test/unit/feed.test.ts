import { describe, expect, it } from 'vitest';
import { getRssString } from '@astrojs/rss';
import { feedPlainText } from '../../src/lib/feed.ts';

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

	it('show ordinary Chinese text unchanged', async () => {
		expect(await readerHtml(feedPlainText('公示期：2026年11月18日至2026年11月26日（7 个工作日）。'))).toBe(
			'公示期：2026年11月18日至2026年11月26日（7 个工作日）。',
		);
	});
});
