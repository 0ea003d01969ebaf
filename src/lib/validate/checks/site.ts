/** `site.json`: the office's identity and publishing choices. */
import { siteSchema, type Site } from '../../../schemas/site.ts';
import type { CheckContext } from '../context.ts';

/** The site settings, or undefined when the file is missing or invalid (its problems are reported). */
export function checkSite(ctx: CheckContext): Site | undefined {
	return ctx.json(siteSchema, 'site.json');
}
