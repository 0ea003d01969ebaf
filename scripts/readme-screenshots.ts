/**
 * The README's screenshots of the built site: the home page and a unit page at 375 px in 长辈模式, taken with
 * playwright-core and Debian's Chromium from `dist/` (run `npm run build` first) and written to `src/assets/readme/`
 * (not a public folder: they are not published with the site).
 *
 * Usage: node scripts/readme-screenshots.ts [unitId]   (OUT_DIR selects the built site, default dist/)
 */
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '..');
const dist = resolve(process.env.OUT_DIR || join(root, 'dist'));
const out = join(root, 'src', 'assets', 'readme');
const unit = process.argv[2] ?? 'cqz';
const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css',
	'.js': 'text/javascript',
	'.svg': 'image/svg+xml',
	'.ico': 'image/x-icon',
	'.jpg': 'image/jpeg',
	'.png': 'image/png',
};

if (!existsSync(join(dist, 'index.html'))) {
	console.error(`${dist} 中没有构建好的网站，请先运行 npm run build`);
	process.exit(1);
}
// Files under dist/ only, as any static server would serve them.
const server = createServer((req, res) => {
	let file = normalize(join(dist, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
	if (!file.startsWith(dist + sep) && file !== dist) return void res.writeHead(403).end();
	if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
	if (!existsSync(file)) return void res.writeHead(404).end();
	res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
	res.end(readFileSync(file));
});
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const address = server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
await context.addInitScript(() => localStorage.setItem('display-mode', 'large'));
const page = await context.newPage();
mkdirSync(out, { recursive: true });
for (const [path, name, from, height] of [
	['/', 'home-375-large.png', 'body', 1500],
	// From the unit's name down to the first cards of its score history.
	[`/units/${unit}/`, 'unit-375-large.png', 'main h1', 2200],
] as const) {
	await page.goto(base + path, { waitUntil: 'networkidle' });
	// Charts are drawn when they come near the screen (src/scripts/charts.ts): bring each one near, as a reader
	// scrolling does, and wait until it is drawn.
	for (const chart of await page.locator('figure.chart').all()) {
		await chart.scrollIntoViewIfNeeded();
		await chart.locator('canvas:not([hidden])').waitFor({ timeout: 30_000 });
	}
	await page.evaluate(() => scrollTo(0, 0));
	const top = await page
		.locator(from)
		.first()
		.evaluate((e) => e.getBoundingClientRect().top + scrollY);
	await page.screenshot({
		path: join(out, name),
		clip: { x: 0, y: top, width: 375, height },
		fullPage: true,
	});
	console.log(`${name}：${base}${path}`);
}
await browser.close();
server.close();
