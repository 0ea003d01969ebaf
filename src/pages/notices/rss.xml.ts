/**
 * RSS feed of the 公示 batches that have started, newest first (`/notices/rss.xml`).
 */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getCollection, getEntry } from 'astro:content';
import { noticePeriod } from '../../lib/exemplars/format.ts';
import { feedDate, feedPlainText } from '../../lib/feed.ts';

export const GET: APIRoute = async (context) => {
	const site = (await getEntry('site', 'site'))!.data;
	const exemplars = new Map((await getCollection('exemplars')).map((e) => [e.id, e.data]));
	const notices = (await getCollection('exemplarNotices'))
		.map((n) => n.data)
		.sort((a, b) => (a.start < b.start ? 1 : a.start > b.start ? -1 : 0));
	return rss({
		title: `${site.name} · 公示公告`,
		description: '淮安区“政务诚信典型”拟认定人选公示',
		// The channel's link is the page the feed follows (items' links are from the site's root all the same).
		site: new URL('/notices/', context.site ?? site.url).href,
		customData: '<language>zh-cn</language>',
		items: notices.map((n) => ({
			title: n.title,
			link: `/notices/${n.id}/`,
			// Midnight in Asia/Shanghai of the first day of the 公示.
			pubDate: feedDate(n.start),
			// Plain text: feed readers render a description as HTML (src/lib/feed.ts).
			description: feedPlainText(
				`公示期：${noticePeriod(n.start, n.end, n.workdays)}。拟认定人选：${n.candidateIds
					.map((id) => exemplars.get(id))
					.map((e) => `${e!.name}（${e!.unit}${e!.position}）`)
					.join('、')}。`,
			),
		})),
	});
};
