/**
 * Runs axe-core (WCAG 2.1 A and AA rules) in a page and returns its violations.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface Violation {
	id: string;
	impact: string;
	help: string;
	nodes: { target: string[] }[];
}

/** The WCAG 2.1 AA violations on the page, summarised as `rule: selector` strings for readable failures. */
export async function axeViolations(page: Page): Promise<string[]> {
	await page.addScriptTag({ content: source });
	const result = (await page.evaluate(() =>
		// @ts-expect-error axe is injected above
		window.axe.run(document, {
			runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
		}),
	)) as { violations: Violation[] };
	return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${v.help})`));
}
