/**
 * "A label is said once" (STYLE; issue 16): pages and components state no grade threshold and no grade, category or
 * severity name of their own — they read the rubric's thresholds and the tables of `src/schemas/enums.ts`, so a
 * changed threshold or label changes every page. Checked on the source text of every page, component and layout.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { GRADES, SEVERITIES, UNIT_CATEGORIES } from '../../src/schemas/enums.ts';

const SRC = resolve(import.meta.dirname, '..', '..', 'src');

/** Every .astro and .ts file under the given folders of src/, with its text. */
function sources(...dirs: string[]): { path: string; text: string }[] {
	const out: { path: string; text: string }[] = [];
	const walk = (d: string) => {
		for (const name of readdirSync(d).sort()) {
			const f = join(d, name);
			if (statSync(f).isDirectory()) walk(f);
			else if (/\.(astro|ts)$/.test(name))
				out.push({ path: relative(SRC, f).replace(/\\/g, '/'), text: readFileSync(f, 'utf8') });
		}
	};
	for (const d of dirs) walk(join(SRC, d));
	return out;
}

/** The text without the titles of documents it cites (《…》), which may contain a category's name. */
const withoutCitations = (text: string) => text.replace(/《[^》]*》/g, '');

describe('pages say no threshold or label of their own', () => {
	const files = sources('pages', 'components', 'layouts');

	it('reads every file it should (pages, components, layouts)', () => {
		expect(files.map((f) => f.path)).toEqual(
			expect.arrayContaining([
				'pages/methodology.astro',
				'pages/units/[id].astro',
				'components/GradeBadge.astro',
			]),
		);
	});
	it('has no "85" anywhere under src/pages (the red threshold comes from the rubric)', () => {
		expect(
			sources('pages')
				.filter((f) => /85/.test(f.text))
				.map((f) => f.path),
		).toEqual([]);
	});
	it('states no score threshold: no "60 分", "85（含）", "≥ 60" …', () => {
		const threshold = /(?<![\d.])(?:85|60)\s*(?:分|（含）)|[≥>]=?\s*(?:85|60)(?![\d.])/;
		expect(files.filter((f) => threshold.test(f.text)).map((f) => f.path)).toEqual([]);
	});
	it('names no grade, category or severity itself', () => {
		const labels = [
			...GRADES.map((g) => g.label),
			...UNIT_CATEGORIES.flatMap((c) => [c.title, c.label]).filter((l) => l !== '园区'),
			...SEVERITIES.map((s) => s.label).filter((l) => l !== '一般'),
		];
		const found = files.flatMap((f) =>
			labels.filter((l) => withoutCitations(f.text).includes(l)).map((l) => `${f.path}: ${l}`),
		);
		expect(found).toEqual([]);
	});
});
