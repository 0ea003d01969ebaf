/** `site.json`: the office's identity and publishing choices. */
import { siteSchema, type Site } from '../../../schemas/site.ts';
import type { CheckContext } from '../context.ts';
import { siteWarnings } from '../site-warnings.ts';
import { hiddenChars } from '../../../schemas/table.ts';
import { lineColumn } from '../../text-position.ts';

/** The site settings (with a warning for each government-site identifier it lacks), or undefined when the file is missing or invalid (its problems are reported). */
export function checkSite(ctx: CheckContext): Site | undefined {
	const site = ctx.json(siteSchema, 'site.json');
	if (site) ctx.report(siteWarnings(site, ctx.path('site.json')));
	if (site) ctx.publicContacts = [site.email, site.phone];
	// Every text of site.json is published (the footer of every page, the feeds): an ID number in it is an error, a
	// mobile number or e-mail address other than the office's own a warning, as in the tables' public columns.
	if (site) {
		const raw = new TextDecoder().decode(ctx.files.read('site.json'));
		ctx.personalNumbers(ctx.path('site.json'), raw);
		jsonHiddenChars(ctx, 'site.json', site, raw);
	}
	return site;
}

/**
 * The texts of a JSON file the site publishes, held to the tables' rule on hidden characters (`hiddenChars`): JSON
 * can carry a NUL or a right-to-left override as an escape (`\u0000`, `\u202e`), which the raw text does not show. Each
 * is reported once per text, at the line of its key (the first place the key is written), since the escape itself
 * sits in the file as plain letters.
 */
export function jsonHiddenChars(ctx: CheckContext, rel: string, value: unknown, raw: string): void {
	const walk = (v: unknown, key: string) => {
		if (typeof v === 'string') {
			for (const h of hiddenChars(v)) {
				const at = Math.max(0, raw.indexOf(`"${key}"`));
				const { line, column } = lineColumn(raw, at);
				ctx.error(ctx.path(rel), line, column, h.code, `"${key}" ${h.message}`);
			}
		} else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
		else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
	};
	walk(value, '');
}
