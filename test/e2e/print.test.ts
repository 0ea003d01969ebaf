/**
 * A printed page (the quarter's A4 report, a unit page): the header keeps the site's name but not the search box,
 * which is of no use on paper.
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

describe('printing', () => {
	it(
		'leaves the header’s search box off the page, and keeps the site’s name',
		{ timeout: 120_000 },
		async () => {
			const context = await newContextFor(browser, { width: 794 });
			const page = await context.newPage();
			await page.emulateMedia({ media: 'print' });
			const shown: string[] = [];
			for (const path of ['/grades/2026-Q3/report/', '/units/cqz/']) {
				await page.goto(inject('baseUrl') + path);
				if (await page.locator('header form[role="search"]').isVisible()) shown.push(path);
				expect(await page.locator('.site-header .site-name').isVisible(), path).toBe(true);
			}
			await context.close();
			expect(shown).toEqual([]);
		},
	);
});
