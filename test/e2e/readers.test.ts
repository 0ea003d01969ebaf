/**
 * The site as its readers need it (issue 17), in Chromium at 375 and 1280 px, normal and 长辈模式: numbers, dates and
 * grades that read whole, a unit page a phone can hold in 长辈模式, the grade standard beside every result with the
 * rubric's own numbers, a real 异议 path from every result and exemplar, and a Chinese 404 from the nginx recipe.
 * (No console error on any page template: templates.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { launch, newContextFor, reusedPage, visit } from './browser.ts';
import { axeViolations } from './axe.ts';
import { cellsOf, onePerTemplate, quarterName, rowOf } from './pages.ts';
import { serveStatic } from './server.ts';
import { E2E_EPOCH } from './global-setup.ts';
import { FIXTURES, officeRows, unseal } from '../helpers/files.ts';
import { serveWithNginx } from '../helpers/nginx.ts';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

const dist = () => inject('distDir');
const base = () => inject('baseUrl');
const readJson = <T>(path: string) => JSON.parse(readFileSync(join(dist(), 'data', path), 'utf8')) as T;
interface GradeFile {
	quarter: string;
	rubric: string;
	units: { id: string; name: string; grade: string; overrides: unknown[] }[];
}
const quarters = () =>
	readdirSync(join(dist(), 'data', 'grades'))
		.filter((f) => f.endsWith('.json'))
		.map((f) => f.slice(0, -5))
		.sort();
const gradeFile = (q: string) => readJson<GradeFile>(`grades/${q}.json`);
const units = () => readJson<{ id: string }[]>('units.json');
const html = (path: string) => readFileSync(join(dist(), path, 'index.html'), 'utf8');
/** The text of an HTML fragment: tags dropped, entities of the site's escaping decoded, white space collapsed. */
const text = (fragment: string) =>
	fragment
		.replace(/<[^>]*>/g, '')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&')
		.replace(/\s+/g, ' ')
		.trim();

/** A browser context at a width, in normal mode or 长辈模式 (set the way the site remembers it). */
function context(width: number, mode: 'normal' | 'large') {
	return newContextFor(browser, { width, mode });
}

describe('numbers, dates and grades read whole', () => {
	/** The latest quarter, a unit with a grade override and one without, and the methodology. */
	const pages = () => {
		const latest = gradeFile(quarters().at(-1)!);
		const adjusted = latest.units.find((u) => u.overrides.length > 0)!;
		const plain = latest.units.find((u) => u.overrides.length === 0)!;
		return [`/grades/${latest.quarter}/`, `/units/${adjusted.id}/`, `/units/${plain.id}/`, '/methodology/'];
	};
	for (const width of [375, 1280])
		for (const mode of ['normal', 'large'] as const)
			it(`keeps every table cell holding a number, date or grade on one line at ${width} px in ${mode} mode`, async () => {
				const page = await reusedPage(browser, { width, mode });
				let checked = 0;
				const broken: string[] = [];
				for (const path of pages()) {
					await page.goto(base() + path);
					const r = await page.evaluate(() => {
						/** How many lines a node's text takes: its client rects grouped by their top. */
						const lines = (node: Node) => {
							const range = document.createRange();
							range.selectNodeContents(node);
							const tops: number[] = [];
							for (const rect of range.getClientRects())
								if (
									rect.width > 0 &&
									rect.height > 0 &&
									!tops.some((t) => Math.abs(t - rect.top) < rect.height / 2)
								)
									tops.push(rect.top);
							return tops.length;
						};
						const NUMBER = /^[+\-−]?\d[\d.,]*(\s*\/\s*\d[\d.]*)?(\s*分)?$/;
						const DATE = /^\d{4}-\d\d-\d\d$/;
						const targets: Element[] = [];
						for (const td of document.querySelectorAll('main td')) {
							const t = td.textContent!.trim();
							if (td.classList.contains('num') || NUMBER.test(t) || DATE.test(t)) targets.push(td);
							targets.push(...td.querySelectorAll('.grade, .date'));
						}
						return {
							checked: targets.length,
							broken: targets.filter((t) => lines(t) > 1).map((t) => JSON.stringify(t.textContent!.trim())),
						};
					});
					checked += r.checked;
					broken.push(...r.broken.map((b) => `${path} ${b}`));
				}
				expect(broken).toEqual([]);
				// The quarter alone has a score, a grade, a rank and a change per unit: the check is never vacuous.
				expect(checked).toBeGreaterThan(4 * gradeFile(quarters().at(-1)!).units.length);
			});

	it('lets a wide table scroll in its own labelled, focusable box with the first column in view', async () => {
		const page = await reusedPage(browser, { width: 375, mode: 'normal' });
		await page.goto(base() + `/grades/${quarters().at(-1)}/`);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
		const box = page.locator('.table-scroll').filter({ has: page.locator('#grades-table') });
		expect(await box.getAttribute('role')).toBe('region');
		expect(await box.getAttribute('aria-label')).toMatch(/得分、等次与排名/);
		expect(await box.getAttribute('tabindex')).toBe('0');
		const firstCell = page.locator('#grades-table tbody tr').first().locator('th');
		const before = await firstCell.boundingBox();
		await box.evaluate((b) => (b.scrollLeft = 200));
		expect(await box.evaluate((b) => b.scrollLeft)).toBeGreaterThan(0);
		// Sticky: the name stays where it was (within the border's pixel), though the table moved 200 px.
		expect(Math.abs((await firstCell.boundingBox())!.x - before!.x)).toBeLessThanOrEqual(1);
	});
});

describe('the navigation bar', () => {
	it('lines up with the site name and the content at 1280 px', async () => {
		const page = await reusedPage(browser, { width: 1280, mode: 'normal' });
		await page.goto(base() + '/methodology/');
		const left = (selector: string) =>
			page
				.locator(selector)
				.first()
				.evaluate((e) => Math.round(e.getBoundingClientRect().left));
		const [nav, name, h1] = await Promise.all([left('nav ul a'), left('.site-name'), left('main h1')]);
		expect([nav, name]).toEqual([h1, h1]);
	});
});

describe('长辈模式 on a phone', () => {
	it(
		'never makes a page scroll sideways at 375 px, in either mode, on any page template',
		{ timeout: 180_000 },
		async () => {
			// Each page once, in the mode it opens in and then in the other by its own switch (which the next page opens
			// in): as in the height test below, both ways into each mode are measured.
			const page = await reusedPage(browser, { width: 375, mode: 'normal' });
			const wide: string[] = [];
			const seen = new Set<string>();
			const measure = () =>
				page.evaluate(() => ({
					mode: document.documentElement.dataset.mode === 'large' ? 'large' : 'normal',
					width: document.documentElement.scrollWidth,
				}));
			for (const path of onePerTemplate(dist())) {
				await page.goto(base() + path);
				const first = await measure();
				await page.evaluate(() => document.getElementById('mode-toggle')!.click());
				const second = await measure();
				expect(second.mode, path).not.toBe(first.mode);
				seen.add(`${first.mode} ${second.mode}`);
				for (const { mode, width } of [first, second]) if (width > 375) wide.push(`${mode} ${path} ${width}`);
			}
			expect(wide).toEqual([]);
			expect([...seen].sort()).toEqual(['large normal', 'normal large']);
		},
	);

	it('shows each table row as a card of 列名：值 pairs, built without JavaScript', async () => {
		const q = quarters().at(-1)!;
		// data-label is in the published HTML: the cards need no script.
		const row = html(`grades/${q}`).match(/<tr data-category[\s\S]*?<\/tr>/)![0];
		expect([...row.matchAll(/data-label="([^"]*)"/g)].map((m) => m[1])).toEqual([
			'单位',
			'类别',
			'得分',
			'等次',
			'类内排名',
			'较上季度',
			'异议',
		]);
		const page = await reusedPage(browser, { width: 375, mode: 'large' });
		await page.goto(base() + `/grades/${q}/`);
		const first = page.locator('#grades-table tbody tr').first();
		expect(await first.evaluate((tr) => getComputedStyle(tr).display)).toBe('flex');
		expect(await page.locator('#grades-table thead').isHidden()).toBe(true);
		const score = first.locator('td.num').first();
		expect(await score.evaluate((td) => getComputedStyle(td, '::before').content)).toBe('"得分："');
		// The values are at the mode's text size, and the page does not scroll sideways.
		const root = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
		expect(await score.evaluate((td) => parseFloat(getComputedStyle(td).fontSize))).toBe(root);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
	});

	it(
		'moves nothing on the page while it loads, in either mode, at 375 px (no layout shift)',
		{ timeout: 180_000 },
		async () => {
			const latest = quarters().at(-1)!;
			const year = readdirSync(join(dist(), 'exemplars')).find((f) => /^\d{4}$/.test(f));
			const paths = [
				'/',
				`/grades/${latest}/`,
				`/units/${gradeFile(latest).units[0].id}/`,
				'/commitments/',
				'/commitments/pledges/',
				`/exemplars/${year}/`,
				// Its filters list every value the index has from the start (the index no longer adds one).
				'/search/?q=诚信',
			];
			const moved: string[] = [];
			// The two modes in two browser contexts at once: most of the time is the wait after each load.
			const tour = async (mode: 'normal' | 'large') => {
				const ctx = await context(375, mode);
				// Every shift from the first paint on, as the browser reports it (what CLS adds up).
				await ctx.addInitScript(() => {
					const w = window as unknown as { shifts: string[] };
					w.shifts = [];
					new PerformanceObserver((list) => {
						for (const e of list.getEntries() as unknown as {
							value: number;
							sources: { node?: Node }[];
						}[])
							w.shifts.push(`${e.value.toFixed(4)} ${e.sources.map((s) => s.node?.nodeName).join(',')}`);
					}).observe({ type: 'layout-shift', buffered: true });
				});
				const page = await ctx.newPage();
				for (const path of paths) {
					// The page's own scripts (modules) have run by the load event; a moment more for what they start.
					await page.goto(base() + path, { waitUntil: 'load' });
					await page.waitForTimeout(500);
					for (const s of await page.evaluate(() => (window as unknown as { shifts: string[] }).shifts))
						moved.push(`${mode} ${path}: ${s}`);
				}
				await ctx.close();
			};
			await Promise.all([tour('normal'), tour('large')]);
			expect(moved).toEqual([]);
		},
	);

	it('keeps every unit page within 3 times its normal height at 375 px', { timeout: 300_000 }, async () => {
		/**
		 * Each page is loaded once and measured in both modes: in the mode it opens in, then in the other after a press
		 * of the page's own switch. The switch remembers the mode, so the next page opens in it: the pages alternate
		 * between opening in 长辈模式 and being switched into it, and both ways are measured.
		 */
		const heights = async (ids: string[]) => {
			const ctx = await context(375, 'normal');
			const page = await ctx.newPage();
			const out: { id: string; normal: number; large: number; opened: string }[] = [];
			const measure = () =>
				page.evaluate(() => ({
					mode: document.documentElement.dataset.mode === 'large' ? 'large' : 'normal',
					height: document.documentElement.scrollHeight,
				}));
			for (const id of ids) {
				await page.goto(base() + `/units/${id}/`);
				const first = await measure();
				await page.evaluate(() => document.getElementById('mode-toggle')!.click());
				const second = await measure();
				expect(second.mode, id).not.toBe(first.mode);
				const [normal, large] = first.mode === 'normal' ? [first, second] : [second, first];
				out.push({ id, normal: normal.height, large: large.height, opened: first.mode });
			}
			await ctx.close();
			return out;
		};
		// Two halves in two browser contexts at once: the pages mostly wait on the network and layout.
		const ids = units().map((u) => u.id);
		const half = Math.ceil(ids.length / 2);
		const all = (await Promise.all([heights(ids.slice(0, half)), heights(ids.slice(half))])).flat();
		const over = all.filter((u) => u.large > 3 * u.normal).map((u) => `${u.id}: ${u.large} / ${u.normal}`);
		expect(over).toEqual([]);
		expect(all.map((u) => u.id).sort()).toEqual([...ids].sort());
		// Both ways into 长辈模式 were measured: opening in it and switching to it.
		const opened = new Set(all.map((u) => u.opened));
		expect([...opened].sort()).toEqual(['large', 'normal']);
	});

	it('sizes chart ticks and legends with the mode, also when the reader switches, and stacks the header', async () => {
		const unit = gradeFile(quarters().at(-1)!).units[0].id;
		const page = await reusedPage(browser, { width: 375, mode: 'normal' });
		await page.goto(base() + `/units/${unit}/`);
		const canvas = page.locator('figure.chart canvas');
		// Chart code loads only when a chart comes near the viewport.
		await page.locator('figure.chart').scrollIntoViewIfNeeded();
		await expect.poll(() => canvas.isVisible(), { timeout: 20_000 }).toBe(true);
		const root = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
		const drawn = async () => Number(await canvas.getAttribute('data-font-size'));
		expect(await drawn()).toBe(await root());
		const normal = await drawn();
		await page.getByRole('button', { name: '长辈模式' }).click();
		await expect.poll(drawn).toBe(await root());
		expect(await drawn()).toBeGreaterThan(normal);
		// The header stacks: the mode switch sits below the search box, whose hint is not cut off.
		const [search, tools] = await Promise.all([
			page.locator('header form[role="search"]').boundingBox(),
			page.locator('.reader-tools').boundingBox(),
		]);
		expect(tools!.y).toBeGreaterThanOrEqual(search!.y + search!.height - 1);
		const hint = await page.locator('#site-search').evaluate((i: HTMLInputElement) => {
			const probe = document.createElement('span');
			probe.style.font = getComputedStyle(i).font;
			probe.textContent = i.placeholder;
			document.body.append(probe);
			const width = probe.getBoundingClientRect().width;
			probe.remove();
			return { width, room: i.clientWidth - parseFloat(getComputedStyle(i).paddingLeft) * 2 };
		});
		expect(hint.width).toBeLessThanOrEqual(hint.room);
	});
});

describe('a unit page, read against the open data', () => {
	interface Result {
		id: string;
		score: number;
		grade: string;
		rank: number;
		maxPoints: number;
		points: Record<string, number>;
		overrides: { reason: string }[];
	}
	const results = (q: string) => readJson<{ units: Result[] }>(`grades/${q}.json`).units;
	/** 2026-Q3 → 2026年第三季度, as the pages name a quarter. */
	const GRADE: Record<string, string> = { red: '红名单', blue: '蓝名单', yellow: '黄名单' };
	/** Each unit's quarters with results, newest first. */
	const histories = () => {
		const out = new Map<string, { quarter: string; result: Result }[]>();
		for (const q of quarters().reverse())
			for (const result of results(q))
				out.set(result.id, [...(out.get(result.id) ?? []), { quarter: q, result }]);
		return out;
	};
	/** The text of one quarter's breakdown on a page: from its section's start to the next quarter's. */
	const breakdown = (page: string, q: string) => {
		const start = page.indexOf(`<section id="q-${q}"`);
		expect(start, q).toBeGreaterThan(-1);
		const next = page.indexOf('<section id="q-', start + 1);
		return text(page.slice(start, next === -1 ? page.indexOf('</main>') : next));
	};

	it('names its latest released quarter with that quarter’s score, grade, rank and release (发布日期, 文号)', () => {
		// The release records as the office typed them: quarter, 发布日期, 文号.
		const releases = new Map(
			officeRows('releases/releases.csv').map((r) => [
				r['季度'],
				`发布日期：${r['发布日期']}（${r['文号']}）`,
			]),
		);
		const all = histories();
		expect(all.size).toBeGreaterThan(50);
		for (const [id, [{ quarter, result }]] of all) {
			const page = text(html(`units/${id}`));
			// The grade's icon (never colour alone) stands between the score and the grade's name.
			const [before, after] = [
				`最近一期（${quarterName(quarter)}）：${result.score.toFixed(1)}分，`,
				`${GRADE[result.grade]}，同类第${result.rank}名。`,
			];
			const flat = page.replace(/\s+/g, '');
			const at = flat.indexOf(before);
			expect(at, id).toBeGreaterThan(-1);
			expect(
				flat.slice(at + before.length, at + before.length + 1 + after.length).slice(-after.length),
				id,
			).toBe(after);
			expect(page, id).toContain(releases.get(quarter)!);
		}
		// The quarter pages and the home page name the release alike.
		for (const q of quarters()) expect(text(html(`grades/${q}`)), q).toContain(releases.get(q)!);
		expect(text(html(''))).toContain(releases.get(quarters().at(-1)!)!);
	});

	it('lists each 失信 record as the office’s file has it: date, severity, kind, what and source until repaired, then only the quarters it counted in', () => {
		const quarterOf = (date: string) => `${date.slice(0, 4)}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;
		const listed = (unitId: string) => {
			const page = html(`units/${unitId}`);
			const start = page.indexOf('<h2 id="records">');
			expect(start, unitId).toBeGreaterThan(-1);
			return [...page.slice(start, page.indexOf('</section>', start)).matchAll(/<li>([\s\S]*?)<\/li>/g)].map(
				(m) => text(m[1]).replace(/\s+/g, ''),
			);
		};
		let open = 0;
		for (const r of officeRows('dishonesty.csv')) {
			const [id, unitId, date, severity, kind, what, source, repairedOn] = [
				'记录编号',
				'单位编号',
				'认定日期',
				'程度',
				'类型',
				'事由',
				'来源',
				'修复日期',
			].map((column) => r[column]);
			const items = listed(unitId);
			if (repairedOn) {
				// 信用修复: counted from the quarter of its date through the quarter of its repair, its details withheld.
				expect(items, id).toContainEqual(
					expect.stringContaining(
						`失信记录（已信用修复，不再公示详情）：计入${quarterName(quarterOf(date))}至${quarterName(quarterOf(repairedOn))}的评价。`,
					),
				);
				continue;
			}
			open++;
			expect(
				items.some(
					(li) =>
						li.startsWith(`${date}${severity}${kind}`) &&
						li.includes(`：${what.replace(/\s+/g, '')}（来源：${source}）；未修复。记录编号${id}`),
				),
				`${id}: ${items.join(' | ')}`,
			).toBe(true);
		}
		expect(open).toBeGreaterThan(0);
	});

	it('heads each quarter’s breakdown with its points over its category’s maximum and the score they give, and lists its 等次调整', () => {
		let adjusted = 0;
		for (const [id, history] of histories()) {
			// The profile says when it shows only the latest quarters, and links every year.
			const profile = text(html(`units/${id}`)).replace(/\s+/g, '');
			const years = [...new Set(history.map((h) => h.quarter.slice(0, 4)))];
			expect(profile, id).toContain(
				`${history.length > 4 ? '最近4个季度的明细如下；' : ''}各年度明细：${years.map((y) => `${y}年`).join('、')}。`,
			);
			for (const { quarter, result } of history) {
				// Every quarter is on the unit's page of its year; the latest four also on the profile.
				const pages = [html(`units/${id}/${quarter.slice(0, 4)}`)];
				if (history.indexOf(history.find((h) => h.quarter === quarter)!) < 4) pages.push(html(`units/${id}`));
				const tenths = Object.values(result.points).reduce((sum, p) => sum + Math.round(p * 10), 0);
				const total = tenths / 10;
				// The score the heading's two numbers give (100 × Σ ÷ max, one decimal, within 0–100) is the one published.
				expect(
					Math.min(100, Math.max(0, Math.round((1000 * total) / result.maxPoints) / 10)),
					`${id} ${quarter}`,
				).toBe(result.score);
				for (const page of pages) {
					const section = breakdown(page, quarter).replace(/\s+/g, '');
					expect(section, `${id} ${quarter}`).toContain(
						`${quarterName(quarter)}：${total}/${result.maxPoints}分，折算${result.score.toFixed(1)}分`,
					);
					for (const o of result.overrides)
						expect(section, `${id} ${quarter}`).toContain(`等次调整：${o.reason}`.replace(/\s+/g, ''));
				}
				adjusted += result.overrides.length ? 1 : 0;
			}
		}
		expect(adjusted).toBeGreaterThan(0);
	});
});

describe('the standard beside every result', () => {
	const thresholds = (year: string) =>
		readJson<{ thresholds: { red: number; blue: number } }>(`rubrics/${year}.json`).thresholds;
	const line = ({ red, blue }: { red: number; blue: number }) =>
		`红名单 ≥ ${red} 分、蓝名单 ${blue}～${red} 分、黄名单 < ${blue} 分`;
	const standards = (page: string) =>
		[...page.matchAll(/<p class="grade-standard"[^>]*>([\s\S]*?)<\/p>/g)].map((m) => text(m[1]));

	it('is on every quarter page, with the numbers of that quarter’s rubric and the 失信 rule, linking to the method', () => {
		expect(quarters().length).toBeGreaterThan(0);
		for (const q of quarters()) {
			const page = html(`grades/${q}`);
			const year = gradeFile(q).rubric;
			const [standard, ...more] = standards(page);
			expect(more, q).toEqual([]);
			expect(standard, q).toContain(`（${year} 年评价指标）`);
			expect(standard, q).toContain(line(thresholds(year)));
			expect(standard, q).toContain('有失信记录的单位不得评为红名单');
			expect(page).toContain(`href="/methodology/#standard-${year}"`);
		}
		expect(html('methodology')).toMatch(/id="standard-\d{4}"/);
	});

	it('is on every unit page with results, for every rubric year of its history', () => {
		let pages = 0;
		for (const { id } of units()) {
			const years = new Set(
				quarters()
					.filter((q) => gradeFile(q).units.some((u) => u.id === id))
					.map((q) => gradeFile(q).rubric),
			);
			const found = standards(html(`units/${id}`));
			if (!years.size) {
				expect(found, id).toEqual([]);
				continue;
			}
			pages++;
			for (const year of years)
				expect(
					found.some((s) => s.includes(year) && s.includes(line(thresholds(year)))),
					`${id} ${year}`,
				).toBe(true);
		}
		expect(pages).toBeGreaterThan(50);
	});

	it('says which indicator got 0 because nothing was reported, naming the assessing office', () => {
		const rubric = readJson<{ indicators: { id: string; assessor: string }[] }>(
			`rubrics/${gradeFile(quarters().at(-1)!).rubric}.json`,
		);
		const notes = units().flatMap(({ id }) =>
			[
				...html(`units/${id}`).matchAll(
					/本季度没有(?:报送记录|可报的事实（报送为“无”）)，按 0 分计（考核主体：([^）]*)）/g,
				),
			].map((m) => m[1]),
		);
		expect(notes.length).toBeGreaterThan(0);
		const assessors = new Set(rubric.indicators.map((i) => i.assessor));
		for (const a of notes) expect(assessors.has(a), a).toBe(true);
	});
});

describe('the methodology page, read against the rubric files', () => {
	it('lists each year’s indicators with their maximum, the categories they apply to and their assessor, and each category’s Σ maximum', () => {
		const dir = resolve(import.meta.dirname, '..', '..', 'data', 'rubrics');
		const page = html('methodology');
		const flat = (fragment: string) => text(fragment).replace(/\s+/g, '');
		const CATEGORY: Record<string, string> = { town: '镇（街道）', park: '园区', A: 'A类部门', B: 'B类部门' };
		const years = readdirSync(dir).filter((f) => /^\d{4}\.json$/.test(f));
		expect(years.length).toBeGreaterThan(1);
		for (const file of years) {
			const rubric = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
				year: number;
				indicators: { id: string; max: number; appliesTo: string[]; assessor: string }[];
			};
			const start = page.indexOf(`<section id="rubric-${rubric.year}"`);
			expect(start, file).toBeGreaterThan(-1);
			const section = page.slice(start, page.indexOf('</section>', start));
			// The denominators: Σ max of the indicators that apply to each category, summed here by hand.
			const sums = (['town', 'park', 'A', 'B'] as const).map((c) =>
				String(
					rubric.indicators.filter((i) => i.appliesTo.includes(c)).reduce((s, i) => s + i.max * 10, 0) / 10,
				),
			);
			const denominators = section.slice(section.indexOf('<tbody>'), section.indexOf('</tbody>'));
			expect(
				[...denominators.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => flat(m[1])),
				file,
			).toEqual(sums);
			for (const i of rubric.indicators) {
				const row = rowOf(section, `indicator-${rubric.year}-${i.id}`);
				expect(row, `${file} ${i.id}`).toBeDefined();
				const cells = cellsOf(row!).map(flat);
				const applies =
					i.appliesTo.length === 4 ? '共性（全部单位）' : i.appliesTo.map((c) => CATEGORY[c]).join('、');
				expect([cells[0], cells[2], cells[3], cells[5]], `${file} ${i.id}`).toEqual([
					i.id,
					String(i.max),
					applies,
					i.assessor,
				]);
			}
		}
	});
});

describe('the standard comes from the rubric, not from the page', () => {
	let work: string;
	let url: string;
	let close: () => void;
	beforeAll(async () => {
		work = mkdtempSync(join(tmpdir(), 'xy-standard-'));
		const data = join(work, 'data');
		cpSync(join(FIXTURES, 'rules-site'), data, { recursive: true });
		// Two rubric years with the same red line and different blue lines: a unit scored in both has two standards.
		for (const [year, thresholds] of [
			['2022', { red: 90, blue: 70 }],
			['2023', { red: 90, blue: 75 }],
		] as const) {
			const rubricFile = join(data, 'rubrics', `${year}.json`);
			const rubric = JSON.parse(readFileSync(rubricFile, 'utf8'));
			rubric.thresholds = thresholds;
			writeFileSync(rubricFile, JSON.stringify(rubric, null, '\t'));
		}
		// Another standard gives other grades: a dataset of its own, not an edit of the released one.
		unseal(data);
		const r = spawnSync('node', ['scripts/build.ts'], {
			cwd: resolve(import.meta.dirname, '..', '..'),
			env: {
				...process.env,
				SOURCE_DATE_EPOCH: E2E_EPOCH,
				DATA_DIR: data,
				OUT_DIR: join(work, 'dist'),
				CACHE_DIR: join(work, 'cache'),
				ASTRO_CACHE_DIR: join(work, 'astro'),
			},
			encoding: 'utf8',
		});
		if (r.status !== 0) throw new Error(r.stdout + r.stderr);
		const s = await serveStatic(join(work, 'dist'));
		url = s.url;
		close = () => s.server.close();
	});
	afterAll(() => {
		close?.();
		rmSync(work, { recursive: true, force: true });
	});
	it('shows each rubric year’s own thresholds on the quarter, unit and methodology pages', async () => {
		const page = async (path: string) => text(await (await fetch(url + path)).text());
		const line = (red: number, blue: number) =>
			`红名单 ≥ ${red} 分、蓝名单 ${blue}～${red} 分、黄名单 < ${blue} 分`;
		const standards = async (path: string) =>
			[
				...(await (await fetch(url + path)).text()).matchAll(
					/<p class="grade-standard"[^>]*>([\s\S]*?)<\/p>/g,
				),
			].map((m) => text(m[1]));
		for (const [path, year, blue] of [
			['/grades/2022-Q4/', 2022, 70],
			['/grades/2023-Q1/', 2023, 75],
		] as const) {
			const [standard, ...more] = await standards(path);
			expect(more, path).toEqual([]);
			expect(standard, path).toContain(`（${year} 年评价指标）：${line(90, blue)}`);
			expect(await page(path), path).not.toContain('85 分');
		}
		// 甲镇 was scored under both years: one standard each, newest first, though their red lines are the same.
		const unit = await standards('/units/t1/');
		expect(unit).toHaveLength(2);
		expect(unit[0]).toContain(`（2023 年评价指标）：${line(90, 75)}`);
		expect(unit[1]).toContain(`（2022 年评价指标）：${line(90, 70)}`);
		const methodology = await page('/methodology/');
		for (const blue of [70, 75]) expect(methodology).toContain(line(90, blue));
		expect(methodology).not.toContain('85 分');
	});
});

describe('the 异议 path', () => {
	/** The 异议 links of a built page, as [kind, id, period] triples. */
	const objections = (page: string) =>
		[...page.matchAll(/href="\/objection\/\?([^"]*)"/g)].map((m) => {
			const q = new URLSearchParams(m[1].replace(/&amp;/g, '&'));
			return [q.get('kind'), q.get('id'), q.get('period')];
		});

	it('is linked from every result of every quarter page, with the unit and the quarter', () => {
		for (const q of quarters())
			expect(objections(html(`grades/${q}`)), q).toEqual(gradeFile(q).units.map((u) => ['grade', u.id, q]));
	});

	it('is linked from every quarter of every unit page and from every 失信 record, whose ids show in small print', () => {
		// A repaired record is published without its date or details (信用修复: its 公示 has ended): its id shows, with
		// no 异议 link, as there is nothing of it left to object to.
		const records =
			readJson<{ id: string; unitId: string; date: string | null; repaired?: boolean }[]>('dishonesty.json');
		for (const { id } of units()) {
			const page = html(`units/${id}`);
			const history = quarters()
				.filter((q) => gradeFile(q).units.some((u) => u.id === id))
				.reverse()
				.map((q) => ['grade', id, q]);
			const own = records.filter((r) => r.unitId === id);
			expect(objections(page), id).toEqual([
				...history,
				...own
					.filter((r) => !r.repaired)
					.map((r) => [
						'record',
						r.id,
						`${r.date!.slice(0, 4)}-Q${Math.ceil(Number(r.date!.slice(5, 7)) / 3)}`,
					]),
			]);
			expect(page).toContain(`<p class="record-id">单位编号 ${id}</p>`);
			for (const r of own) expect(page).toContain(`记录编号 ${r.id}`);
		}
		expect(records.length).toBeGreaterThan(0);
	});

	it('is linked from every exemplar page, with the candidate', () => {
		const exemplars = readJson<{ id: string; year: number }[]>('exemplars.json');
		expect(exemplars.length).toBeGreaterThan(0);
		for (const e of exemplars)
			expect(objections(html(`exemplars/${e.year}/${e.id}`)), e.id).toContainEqual([
				'exemplar',
				e.id,
				String(e.year),
			]);
	});

	it('opens from a result with the record filled in, ready to copy and in the e-mail subject', async () => {
		const q = quarters().at(-1)!;
		const unit = gradeFile(q).units[0];
		const page = await reusedPage(browser, { width: 375, mode: 'normal' });
		await page.goto(base() + `/grades/${q}/`);
		await page
			.locator('#grades-table tbody tr')
			.first()
			.getByRole('link', { name: /提出异议/ })
			.click();
		await page.waitForURL(/\/objection\/\?/);
		const ref = page.locator('#objection-ref');
		await expect.poll(() => ref.isVisible()).toBe(true);
		expect(await ref.textContent()).toBe(`季度评价结果 · 单位编号 ${unit.id} · ${quarterName(q)}（${q}）`);
		expect(await page.locator('#objection-hint').isHidden()).toBe(true);
		const mail = decodeURIComponent((await page.locator('#objection-mail').getAttribute('href'))!);
		expect(mail).toContain(`?subject=异议：季度评价结果 · 单位编号 ${unit.id}`);
		for (const section of ['谁可以提出', '提出方式', '需要提供的材料', '10 个工作日', '核查之后'])
			expect(await page.locator('main').textContent()).toContain(section);
		expect(await page.locator('main').textContent()).toContain('当面提交：');
	});

	it('shows a plain instruction without JavaScript, and never shows a crafted id', async () => {
		const { page: plain } = await visit(browser, base() + '/objection/?kind=grade&id=cqz&period=2023-Q4', {
			javaScript: false,
		});
		expect(await plain.locator('#objection-hint').isVisible()).toBe(true);
		expect(await plain.locator('#objection-ref-box').isHidden()).toBe(true);
		const ctx = await context(1280, 'normal');
		const page = await ctx.newPage();
		let dialogs = 0;
		page.on('dialog', (d) => {
			dialogs++;
			void d.dismiss();
		});
		await page.goto(
			base() + '/objection/?kind=grade&id=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&period=2023-Q4',
		);
		expect(await page.locator('#objection-ref-box').isHidden()).toBe(true);
		expect(await page.locator('main img').count()).toBe(0);
		expect(dialogs).toBe(0);
		await ctx.close();
	});
});

describe('404 and the new pages', () => {
	it('serves the Chinese 404 page with status 404 through the nginx recipe, with header, search and navigation', async () => {
		const work = mkdtempSync(join(tmpdir(), 'xy-nginx-e2e-'));
		const { base: nginx, stop } = await serveWithNginx(work, dist());
		try {
			const r = await fetch(nginx + '/nonexistent/');
			const body = await r.text();
			expect([r.status, r.headers.get('content-type')]).toEqual([404, 'text/html; charset=utf-8']);
			expect(body).toContain('<html lang="zh-CN">');
			expect(body).toContain('<h1>页面不存在</h1>');
			expect(body).toContain('role="search"');
			expect(body).toContain('<nav aria-label="主导航">');
			expect(body).toContain('href="/sitemap/"');
			expect(body).not.toContain('rel="canonical"');
		} finally {
			stop();
			rmSync(work, { recursive: true, force: true });
		}
	});

	it('finds no accessibility violation on the new pages and the card layout (axe-core, 375 px, 长辈模式)', async () => {
		const page = await reusedPage(browser, { width: 375, mode: 'large' });
		const found: string[] = [];
		for (const path of [
			'/objection/?kind=grade&id=cqz&period=2023-Q4',
			'/sitemap/',
			'/404.html',
			`/grades/${quarters().at(-1)}/`,
			`/units/${gradeFile(quarters().at(-1)!).units[0].id}/`,
		]) {
			await page.goto(base() + path);
			found.push(...(await axeViolations(page)).map((v) => `${path} ${v}`));
		}
		expect(found).toEqual([]);
	});
});
