/**
 * RSS feed of the quarterly releases (`/grades/rss.xml`), newest first: one item per released quarter, with the count
 * of each grade. A draft quarter is not released, so it is not in the feed; a correction of a released quarter is an
 * item of `/corrections/rss.xml`, not a new item here.
 */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getEntry } from 'astro:content';
import { scoredQuarters } from '../../page-data/quarters.ts';
import { releaseFeedItem } from '../../lib/feed.ts';

export const GET: APIRoute = async (context) => {
	const site = (await getEntry('site', 'site'))!.data;
	const base = context.site ?? site.url;
	return rss({
		title: `${site.name} · 信用评价结果发布`,
		description: '各季度政务诚信建设综合信用评价结果的发布：日期、文号和各等次的单位数',
		// The channel's link is the page the feed follows, not the site's front page.
		site: new URL('/grades/', base).href,
		customData: '<language>zh-cn</language>',
		items: (await scoredQuarters()).map((q) => releaseFeedItem(q, base)),
	});
};
