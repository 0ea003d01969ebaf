/**
 * Which of the built site's pages Pagefind reads. Pagefind indexes only the pages with `data-pagefind-body` but reads
 * and parses every page its glob names to find that out. A unit's year pages (`/units/<id>/<year>/`, rendered with
 * `search={false}`: the profile is the unit's search result) are half of a city's pages and most of its HTML, about
 * 300 of 350 MB; reading them cost Pagefind 3 s of 17 s at city scale, for an index byte-identical to the one without
 * them.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Pagefind's own default: every HTML file. */
export const ALL_PAGES = '**/*.{html}';

/** A folder of a unit's year page (`/units/u0094/2021/`). */
const YEAR = /^\d{4}$/;

/**
 * Folder names written into the glob as they are. Any other name (a glob character, a Chinese name) makes the glob
 * Pagefind's default, which reads every page: a page left out of the index would be a search that silently finds less.
 */
const PLAIN = /^[\w.-]+$/;

/**
 * The glob of the pages under `site` that Pagefind must read: every HTML file but those in a unit's year folders.
 * Named folder by folder (Pagefind's glob has no "except"): the site's top-level folders, and every folder inside
 * the units' that is not a year.
 */
export function searchGlob(site: string): string {
	const folders = (rel: string) =>
		readdirSync(join(site, rel), { withFileTypes: true })
			.filter((e) => e.isDirectory())
			.map((e) => e.name)
			.sort();
	const top = folders('');
	if (!top.includes('units')) return ALL_PAGES;
	const inUnits = [...new Set(folders('units').flatMap((u) => folders(`units/${u}`)))].filter(
		(n) => !YEAR.test(n),
	);
	if (![...top, ...inUnits].every((n) => PLAIN.test(n))) return ALL_PAGES;
	return `{${[
		'*.html',
		...top.filter((n) => n !== 'units').map((n) => `${n}/**/*.html`),
		'units/*.html',
		'units/*/*.html',
		...inUnits.sort().map((n) => `units/*/${n}/**/*.html`),
	].join(',')}}`;
}
