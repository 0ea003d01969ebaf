/**
 * The text of `/robots.txt`. The published site may be crawled whole (it is public information), and crawlers find
 * the sitemap here. A demonstration site (site.json `demo`) asks every crawler to stay away: its grades, names and
 * notices are made up, and a search engine must not show them as the district's.
 */
export function robotsTxt(site: { url: string; demo: boolean }): string {
	if (site.demo) return '# 演示站点：数据为演示数据，请勿收录。\nUser-agent: *\nDisallow: /\n';
	return `User-agent: *\nAllow: /\n\nSitemap: ${new URL('/sitemap-index.xml', site.url).href}\n`;
}
