/** `site.json`: the office's identity and publishing choices. */
import { siteSchema, type Site } from '../../../schemas/site.ts';
import type { CheckContext } from '../context.ts';
import { siteWarnings } from '../site-warnings.ts';

/** The site settings (with a warning for each government-site identifier it lacks), or undefined when the file is missing or invalid (its problems are reported). */
export function checkSite(ctx: CheckContext): Site | undefined {
	const site = ctx.json(siteSchema, 'site.json');
	if (site) ctx.report(siteWarnings(site, ctx.path('site.json')));
	if (site) ctx.publicContacts = [site.email, site.phone];
	// Every text of site.json is published (the footer of every page, the feeds): an ID number in it is an error, a
	// mobile number or e-mail address other than the office's own a warning, as in the tables' public columns.
	if (site) ctx.personalNumbers(ctx.path('site.json'), new TextDecoder().decode(ctx.files.read('site.json')));
	return site;
}
