/**
 * Keyboard-only operation: reaching the search box and the table filters, and a visible focus. (axe-core on every
 * page template, in both modes, is in templates.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, reusedPage } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

/** Presses Tab until an element matching `selector` has focus; returns how many presses it took (or -1). */
async function tabTo(page: Page, selector: string, max = 60): Promise<number> {
	for (let i = 1; i <= max; i++) {
		await page.keyboard.press('Tab');
		if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return i;
	}
	return -1;
}

describe('keyboard only', () => {
	it('reaches the header search box, types a query and submits it with Enter', async () => {
		const page = await reusedPage(browser);
		await page.goto(inject('baseUrl') + '/');
		expect(await tabTo(page, 'header input[type="search"], header input[name="q"]')).toBeGreaterThan(0);
		await page.keyboard.type('承诺');
		await page.keyboard.press('Enter');
		await page.waitForURL(/\/search\/\?q=/);
	});
	it('reaches and operates the category and grade filters of a quarter table', async () => {
		const page = await reusedPage(browser);
		await page.goto(inject('baseUrl') + '/grades/2023-Q4/');
		expect(await tabTo(page, 'form.table-filter select[name="category"]')).toBeGreaterThan(0);
		await page.keyboard.press('ArrowDown'); // the first category after 全部
		const shown = await page.locator('form.table-filter output').textContent();
		expect(shown).toMatch(/^显示 \d+ \/ \d+ 行$/);
		expect(await tabTo(page, 'form.table-filter select[name="grade"]', 3)).toBeGreaterThan(0);
	});
	it('shows where the focus is: the skip link appears, and links get a visible outline', async () => {
		const page = await reusedPage(browser);
		await page.goto(inject('baseUrl') + '/');
		expect(await tabTo(page, 'a.skip', 1)).toBe(1);
		expect(
			await page.evaluate(() => document.activeElement!.getBoundingClientRect().left),
		).toBeGreaterThanOrEqual(0);
		expect(await tabTo(page, 'nav a[href="/grades/"]')).toBeGreaterThan(0);
		const outline = await page.evaluate(() => {
			const s = getComputedStyle(document.activeElement!);
			return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
		});
		expect(outline.style).not.toBe('none');
		expect(outline.width).toBeGreaterThanOrEqual(2);
	});
});
