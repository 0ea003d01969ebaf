/** `/robots.txt`: the real site names its sitemap; a demonstration site keeps crawlers away from its made-up data. */
import { describe, expect, it } from 'vitest';
import { robotsTxt } from '../../src/lib/robots.ts';

describe('robots.txt', () => {
	it('lets crawlers read the published site and tells them where its sitemap is', () => {
		expect(robotsTxt({ url: 'https://xy.huaian.gov.cn', demo: false })).toBe(
			'User-agent: *\nAllow: /\n\nSitemap: https://xy.huaian.gov.cn/sitemap-index.xml\n',
		);
	});

	it('asks every crawler to stay away from a demonstration site, whose grades and names are made up', () => {
		expect(robotsTxt({ url: 'https://xy.huaian-demo.example', demo: true })).toBe(
			'# 演示站点：数据为演示数据，请勿收录。\nUser-agent: *\nDisallow: /\n',
		);
	});
});
