/**
 * A phone reader who has set the system font to 200 % (32 px, Chromium's font-size setting through the DevTools
 * protocol), in normal mode and in 长辈模式: the page shell (footer), the home page's cards, the search form, the
 * table filters, and the record ids, dates and scores kept on one line never make a page scroll sideways at 360 px
 * (WCAG 1.4.10 reflow).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, newContextFor } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

/** The elements that reach past the right edge of the window and are not inside a box that scrolls or clips. */
const overflowing = () =>
	[...document.querySelectorAll('body *')].flatMap((e) => {
		const r = e.getBoundingClientRect();
		if (!r.width || r.right <= innerWidth + 1) return [];
		for (let p = e.parentElement; p && p !== document.body; p = p.parentElement)
			if (/auto|scroll|hidden|clip/.test(getComputedStyle(p).overflowX)) return [];
		return [`${e.tagName.toLowerCase()}.${e.className} “${(e.textContent ?? '').trim().slice(0, 16)}”`];
	});

/**
 * The pages among `paths` that scroll sideways at `width` px with the system font at 32 px, each with the first three
 * elements reaching past the edge.
 */
async function sideways(
	width: number,
	mode: 'normal' | 'large',
	paths: readonly string[],
): Promise<string[]> {
	const context = await newContextFor(browser, { width, mode });
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 32 } });
	const found: string[] = [];
	for (const path of paths) {
		await page.goto(inject('baseUrl') + path);
		const wide = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
		if (wide > 1)
			found.push(`${path} +${wide}px: ${(await page.evaluate(overflowing)).slice(0, 3).join('; ')}`);
	}
	await context.close();
	return found;
}

describe('system font at 200 % on a 360 px phone', () => {
	for (const mode of ['normal', 'large'] as const)
		it(
			`never scrolls a page sideways (${mode === 'large' ? '长辈模式' : '标准模式'})`,
			{ timeout: 300_000 },
			async () => {
				const paths = [
					'/',
					'/commitments/',
					'/search/',
					'/exemplars/2022/',
					'/exemplars/2022/2022-001/',
					'/methodology/',
					'/sitemap/',
				];
				expect(await sideways(360, mode, paths)).toEqual([]);
			},
		);
});

describe('system font at 200 % on a 320 px phone in 长辈模式, about six characters a line', () => {
	it(
		'never scrolls the exemplar cards or a unit’s commitment cards sideways',
		{ timeout: 300_000 },
		async () => {
			expect(await sideways(320, 'large', ['/exemplars/', '/commitments/blz/'])).toEqual([]);
		},
	);
});

describe('a 320 px phone at the default font size', () => {
	it('scrolls the data dictionary’s field and error-code tables in their own boxes, not the page', async () => {
		const context = await newContextFor(browser, { width: 320 });
		const page = await context.newPage();
		await page.goto(inject('baseUrl') + '/data/dictionary/');
		const wide = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
		const found = wide > 1 ? await page.evaluate(overflowing) : [];
		await context.close();
		expect(found.slice(0, 3)).toEqual([]);
	});
});

describe('tap targets', () => {
	it('makes each count of the commitments coverage grid at least 24 × 24 px (WCAG 2.5.8)', async () => {
		const context = await newContextFor(browser, { width: 360 });
		const page = await context.newPage();
		await page.goto(inject('baseUrl') + '/commitments/');
		const sizes = await page
			.locator('.cm-matrix td a')
			.evaluateAll((as) => as.map((a) => a.getBoundingClientRect()).map((r) => [r.width, r.height]));
		await context.close();
		expect(sizes.length).toBeGreaterThan(50);
		expect(sizes.filter(([w, h]) => w < 24 || h < 24)).toEqual([]);
	});
});

describe('without JavaScript', () => {
	it('leaves no empty chart box above the table that holds the chart’s numbers', async () => {
		const context = await newContextFor(browser, { width: 360, javaScript: false });
		const page = await context.newPage();
		const boxes: string[] = [];
		for (const path of ['/', '/units/cqz/']) {
			await page.goto(inject('baseUrl') + path);
			for (const h of await page.locator('.chart-canvas').evaluateAll((es) => es.map((e) => e.clientHeight)))
				if (h > 0) boxes.push(`${path}: ${h}px`);
			expect(await page.locator('figure.chart table').count(), path).toBeGreaterThan(0);
		}
		await context.close();
		expect(boxes).toEqual([]);
	});
});
