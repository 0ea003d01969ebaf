import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch } from './browser.ts';
import { onePerTemplate } from './pages.ts';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

describe('Content-Security-Policy', () => {
	it('is strict and no page template violates it', async () => {
		const context = await browser.newContext();
		await context.addInitScript(() => {
			(window as unknown as { violations: string[] }).violations = [];
			document.addEventListener('securitypolicyviolation', (e) =>
				(window as unknown as { violations: string[] }).violations.push(
					`${e.violatedDirective} ${e.blockedURI}`,
				),
			);
		});
		const page = await context.newPage();
		const found: string[] = [];
		page.on('console', (m) => {
			if (/Content Security Policy/i.test(m.text())) found.push(`${page.url()} ${m.text()}`);
		});
		const pages = onePerTemplate(inject('distDir'));
		expect(pages.length).toBeGreaterThanOrEqual(8);
		for (const path of pages) {
			await page.goto(inject('baseUrl') + path, { waitUntil: 'networkidle' });
			const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
			expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
			expect(csp).not.toContain('unsafe-inline');
			found.push(
				...(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).map(
					(v) => `${path} ${v}`,
				),
			);
		}
		expect(found).toEqual([]);
		await context.close();
	});
});
