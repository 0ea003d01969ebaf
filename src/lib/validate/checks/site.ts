/** `site.json`: the office's identity and publishing choices. */
import { siteSchema, type Site } from '../../../schemas/site.ts';
import type { CheckContext } from '../context.ts';
import { siteWarnings } from '../site-warnings.ts';

/** The site settings (with a warning for each government-site identifier it lacks), or undefined when the file is missing or invalid (its problems are reported). */
export function checkSite(ctx: CheckContext): Site | undefined {
	const site = ctx.json(siteSchema, 'site.json');
	if (site) ctx.report(siteWarnings(site, ctx.path('site.json')));
	if (site) ctx.publicContacts = [site.email, site.phone];
	// Every text of site.json is published (the footer of every page, the feeds).
	if (site) ctx.publishedJson('site.json', site);
	return site;
}
