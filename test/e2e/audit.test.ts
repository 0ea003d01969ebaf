/**
 * Auditable by anyone (issue 18), checked on the built demo site from its files alone, so the checks follow whatever
 * the demo data holds: the one-file history, the chart downloads, the Chinese twins in LibreOffice and the public
 * corrections ledger.
 */
import { describe, expect, inject, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { cellsOf, flatText, htmlPages, quarterName, rowOf } from './pages.ts';
import { officeRows } from '../helpers/files.ts';

const dist = () => inject('distDir');
const read = (path: string) => readFileSync(join(dist(), path), 'utf8');
const csv = (path: string) =>
	Papa.parse<Record<string, string>>(read(path).replace(/^\uFEFF/, ''), {
		header: true,
		skipEmptyLines: 'greedy',
	});
const unescape = (s: string) =>
	s
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');

interface ChartSpec {
	labels: string[];
	series: { label: string; values: (number | null)[] }[];
}
/** Every chart of a page: what Chart.js draws (`data-chart`) and where its CSV link points. */
function chartsOf(html: string): { spec: ChartSpec; href: string }[] {
	return [...html.matchAll(/<figure class="chart" data-chart="([^"]*)">([\s\S]*?)<\/figure>/g)].map((m) => ({
		spec: JSON.parse(unescape(m[1])) as ChartSpec,
		href: /<a href="([^"]+\.csv)" download/.exec(m[2])?.[1] ?? '',
	}));
}

const quarters = () =>
	readdirSync(join(dist(), 'data', 'grades'))
		.filter((f) => /^\d{4}-Q[1-4]\.json$/.test(f))
		.map((f) => f.slice(0, -5))
		.sort();
const grades = (q: string) =>
	JSON.parse(read(`data/grades/${q}.json`)) as { units: { id: string; score: number; grade: string }[] };

describe('grades-history: every released quarter × unit in one file', () => {
	it('has exactly the rows of the released quarters’ grade files, in the JSON and the CSV alike', () => {
		const expected = quarters().flatMap((q) =>
			grades(q).units.map((u) => `${q} ${u.id} ${u.score} ${u.grade}`),
		);
		const rows = csv('data/grades-history.csv').data;
		expect(rows.map((r) => `${r.quarter} ${r.id} ${r.score} ${r.grade}`).sort()).toEqual(expected.sort());
		expect((JSON.parse(read('data/grades-history.json')) as unknown[]).length).toBe(expected.length);
		expect(rows.every((r) => r.releasedOn && r.docNumber && r.name)).toBe(true);
	});

	it('gives a unit’s trend that is the one its page draws and downloads', () => {
		const rows = csv('data/grades-history.csv').data;
		const count = new Map<string, number>();
		for (const r of rows) count.set(r.id, (count.get(r.id) ?? 0) + 1);
		// The unit with the longest history (the first such id, so the choice is stable).
		const id = [...count].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
		const trend = rows
			.filter((r) => r.id === id)
			.sort((a, b) => a.quarter.localeCompare(b.quarter))
			// The quarter as the chart writes it: 2022-Q1 is 2022年第一季度 (followed by the name then, where it differs).
			.map((r) => [quarterName(r.quarter), Number(r.score)]);
		expect(trend.length).toBeGreaterThan(1);
		const quarterOf = (label: string) => label.replace(/（时称.*）$/, '');
		const [chart] = chartsOf(read(`units/${id}/index.html`));
		expect(chart.spec.labels.map((l, i) => [quarterOf(l), chart.spec.series[0].values[i]])).toEqual(trend);
		expect(
			csv(chart.href.slice(1)).data.map((r) => [quarterOf(Object.values(r)[0]), Number(Object.values(r)[1])]),
		).toEqual(trend);
	});
});

describe('the releases feed (/grades/rss.xml)', () => {
	it('has one item per released quarter, newest first, each at its quarter’s page with its date and document', () => {
		const xml = read('grades/rss.xml');
		const items = [...xml.matchAll(/<item>(.*?)<\/item>/gs)].map((m) => m[1]);
		const released = readFileSync(
			resolve(import.meta.dirname, '..', '..', 'data', 'releases', 'releases.csv'),
			'utf8',
		)
			.replace(/^\uFEFF/, '')
			.trim()
			.split(/\r?\n/)
			.slice(1)
			.map((l) => l.split(','));
		expect(items).toHaveLength(released.length);
		for (const [i, [quarter, releasedOn, docNumber]] of [...released].reverse().entries()) {
			expect(items[i]).toMatch(new RegExp(`<link>https://[^<]*/grades/${quarter}/</link>`));
			expect(items[i]).toContain(`（${docNumber}）</title>`);
			expect(items[i]).toContain(
				`<pubDate>${new Date(`${releasedOn}T00:00:00+08:00`).toUTCString()}</pubDate>`,
			);
			expect(existsSync(join(dist(), 'grades', quarter, 'index.html')), quarter).toBe(true);
		}
		expect(xml).toMatch(/<channel>(?:(?!<item>).)*<link>https:\/\/[^<]*\/grades\/<\/link>/s);
		expect(read('grades/index.html')).toContain(
			'<link rel="alternate" type="application/rss+xml" title="信用评价结果发布 RSS" href="/grades/rss.xml">',
		);
	});
});

describe('a download behind every chart', () => {
	it('links each chart of every page to a build-time CSV of exactly the labels and values it draws', () => {
		let checked = 0;
		for (const page of htmlPages(dist())) {
			const html = read(page.endsWith('/') ? `${page.slice(1)}index.html` : page.slice(1));
			if (!html.includes('<figure class="chart"')) continue;
			for (const { spec, href } of chartsOf(html)) {
				expect(href, page).toMatch(/^\/charts\/[^/]+\.csv$/);
				expect(html).toContain('下载本图数据 (CSV)');
				const file = csv(href.slice(1));
				expect(file.meta.fields!.slice(1), href).toEqual(spec.series.map((s) => s.label));
				expect(
					file.data.map((r) => Object.values(r)),
					href,
				).toEqual(spec.labels.map((l, i) => [l, ...spec.series.map((s) => String(s.values[i] ?? ''))]));
				checked++;
			}
		}
		expect(checked).toBeGreaterThan(1);
	});
});

describe('the Chinese twins', () => {
	it('open in LibreOffice with their Chinese headers and no formula cell', { timeout: 300_000 }, () => {
		const twins: string[] = [];
		const walk = (d: string) => {
			for (const e of readdirSync(join(dist(), d), { withFileTypes: true }))
				if (e.isDirectory()) walk(`${d}/${e.name}`);
				else if (e.name.endsWith('-中文.csv')) twins.push(`${d}/${e.name}`);
		};
		walk('data');
		expect(twins).toContain('data/grades-history-中文.csv');
		// Every top-level twin and one quarter's grades (indicator columns): one LibreOffice start for all of them,
		// each with its own file name (the outputs share one folder).
		const some = twins.filter(
			(t) => !/\/(grades|evidence)\//.test(t) || t === `data/grades/${quarters()[0]}-中文.csv`,
		);
		const out = mkdtempSync(join(tmpdir(), 'xy-soffice-'));
		try {
			const r = spawnSync(
				'soffice',
				[
					`-env:UserInstallation=file://${out}/profile`,
					'--headless',
					'--infilter=CSV:44,34,76,1',
					'--convert-to',
					'xlsx',
					'--outdir',
					out,
					...some.map((t) => join(dist(), t)),
				],
				{ encoding: 'utf8', timeout: 280_000 },
			);
			expect(r.status, r.stderr).toBe(0);
			for (const t of some) {
				const xlsx = join(
					out,
					t
						.split('/')
						.pop()!
						.replace(/\.csv$/, '.xlsx'),
				);
				const unzip = (member: string) =>
					spawnSync('unzip', ['-p', xlsx, member], { encoding: 'utf8', maxBuffer: 1 << 28 }).stdout;
				const sheet = unzip('xl/worksheets/sheet1.xml');
				expect(sheet, t).toContain('<sheetData>');
				// No formula, but the ="…" that keeps digits a spreadsheet would change as they are (an identifier of
				// digits, a decimal ending in zero: 1.10, a correction's 80.0; src/lib/opendata/csv.ts).
				expect(sheet.replace(/<f[^>/]*>&quot;\d+(?:\.\d+)?&quot;<\/f>/g, ''), t).not.toMatch(/<f[ >/]/);
				// One shared string per <si>; LibreOffice splits a string into runs where its font changes (Latin and CJK).
				const strings = [...unzip('xl/sharedStrings.xml').matchAll(/<si>(.*?)<\/si>/gs)].map((si) =>
					[...si[1].matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((m) => unescape(m[1])).join(''),
				);
				const header = read(t)
					.replace(/^\uFEFF/, '')
					.split('\r\n')[0]
					.split(',');
				expect(
					header.some((h) => /[\u4e00-\u9fff]/.test(h)),
					t,
				).toBe(true);
				for (const h of header) expect(strings, `${t}: ${h}`).toContain(h.replace(/^"|"$/g, ''));
			}
		} finally {
			rmSync(out, { recursive: true, force: true });
		}
	});
});

describe('the public corrections ledger', () => {
	it('marks a 较上季度 measured against a quarter corrected after it was published, on the page and in the open data', () => {
		// Correcting quarter N changes the change since N that quarter N+1 published: 石塘镇 2024-Q3 went from +0.5 at its
		// release to −4.8 after 2024-Q2 was corrected. The row says so and links the correction.
		const rows = JSON.parse(read('data/corrections.json')) as {
			id: string;
			quarter: string;
			unitId: string;
			field: string;
			date: string;
		}[];
		const next = (q: string) => {
			const [y, n] = [Number(q.slice(0, 4)), Number(q.slice(-1))];
			return n === 4 ? `${y + 1}-Q1` : `${y}-Q${n + 1}`;
		};
		let marked = 0;
		for (const r of rows.filter((r) => r.field === 'score')) {
			const q = next(r.quarter);
			if (!quarters().includes(q)) continue;
			const g = JSON.parse(read(`data/grades/${q}.json`)) as {
				releasedOn: string;
				units: { id: string; change: number | null; changeCorrections: string[] }[];
			};
			if (r.date <= g.releasedOn || !g.units.some((u) => u.id === r.unitId && u.change !== null)) continue;
			marked++;
			// The open data says it too: the change is against the corrected score.
			expect(g.units.find((u) => u.id === r.unitId)!.changeCorrections, `${q} ${r.unitId}`).toContain(r.id);
			expect(read(`grades/${q}/index.html`), `${q} ${r.unitId} ${r.id}`).toMatch(
				new RegExp(
					`<a href="/units/${r.unitId}/">(?:(?!</tr>).)*按上季度更正后的得分计算：(?:(?!</tr>).)*href="/corrections/#${r.id}"`,
					's',
				),
			);
		}
		expect(marked).toBeGreaterThan(0);
	});

	it('shows every correction of the open data on /corrections/ as old → new, and marks the corrected quarter and unit pages', () => {
		const rows = JSON.parse(read('data/corrections.json')) as {
			id: string;
			quarter: string;
			unitId: string;
			unitName: string;
			fieldLabel: string;
			date: string;
			from: string;
			to: string;
			docNumber: string;
		}[];
		expect(rows.length).toBeGreaterThan(0);
		const page = read('corrections/index.html');
		for (const r of rows) {
			expect(page).toContain(`id="${r.id}"`);
			expect(page).toContain(r.docNumber);
			expect(page).toContain(
				`<a href="/units/${r.unitId}/">${r.unitName}</a></th><td class="nowrap" data-label="项目">${r.fieldLabel}</td><td class="num" data-label="原值">${r.from}</td><td class="num" data-label="新值"><span aria-hidden="true">→ </span>${r.to}</td>`,
			);
			// The quarter page and its printable report (dated by the release, its tables as corrected) alike.
			for (const p of [`grades/${r.quarter}/index.html`, `grades/${r.quarter}/report/index.html`])
				expect(read(p), p).toContain(
					`class="correction-notice" data-pagefind-ignore>本期结果于 <span class="date">${r.date}</span> 更正`,
				);
			expect(read(`units/${r.unitId}/index.html`)).toMatch(
				new RegExp(
					`class="correction-notice" data-pagefind-ignore>[^<]*的评价结果于 <span class="date">${r.date}</span> 更正`,
				),
			);
			for (const p of [
				`grades/${r.quarter}/index.html`,
				`grades/${r.quarter}/report/index.html`,
				`units/${r.unitId}/index.html`,
			])
				expect(read(p), p).toContain(`href="/corrections/#${r.id}"`);
			// The unit's row of the quarter's table, and its result in the grades file, say they were corrected.
			const grades = JSON.parse(read(`data/grades/${r.quarter}.json`)) as {
				units: { id: string; corrections: string[] }[];
			};
			expect(grades.units.find((u) => u.id === r.unitId)!.corrections, `${r.quarter} ${r.unitId}`).toContain(
				r.id,
			);
			expect(read(`grades/${r.quarter}/index.html`)).toMatch(
				new RegExp(
					`<a href="/units/${r.unitId}/">(?:(?!</tr>).)*已更正：(?:(?!</tr>).)*href="/corrections/#${r.id}"`,
					's',
				),
			);
		}
		// Each item links to its correction's anchor on the ledger, which the page has (no slash after the anchor).
		const links = [...read('corrections/rss.xml').matchAll(/<link>([^<]*#[^<]*)<\/link>/g)].map((m) => m[1]);
		expect(links.length).toBe(new Set(rows.map((r) => r.id)).size);
		for (const link of links) {
			const id = new URL(link).hash.slice(1);
			expect(new URL(link).pathname, link).toBe('/corrections/');
			expect(read('corrections/index.html'), link).toContain(`id="${id}"`);
		}
		// The feed's own link is the ledger, and the ledger announces the feed to a feed reader given the page.
		expect(read('corrections/rss.xml')).toMatch(
			/<channel>(?:(?!<item>).)*<link>https:\/\/[^<]*\/corrections\/<\/link>/s,
		);
		expect(read('corrections/index.html')).toContain(
			'<link rel="alternate" type="application/rss+xml" title="更正台账 RSS" href="/corrections/rss.xml">',
		);
	});

	it('heads each correction with its date, quarter, 文号 and reason, and lists each release with its date, 文号 and fingerprint, as the office’s files have them', () => {
		const page = read('corrections/index.html');
		const corrections = officeRows('releases/corrections.csv');
		expect(corrections.length).toBeGreaterThan(0);
		for (const c of corrections) {
			const id = c['更正编号'];
			const start = page.indexOf(`<section id="${id}"`);
			expect(start, id).toBeGreaterThan(-1);
			const section = flatText(page.slice(start, page.indexOf('</section>', start)));
			expect(section, id).toContain(`${c['更正日期']}更正${quarterName(c['季度'])}评价结果（${id}）`);
			expect(section, id).toContain(`文号：${c['文号']}；更正编号${id}`);
			expect(section, id).toContain(`理由：${c['理由'].replace(/\s+/g, '')}`);
		}
		const table = page.slice(page.indexOf('<caption>各季度的发布快照与结果指纹</caption>'));
		const rows = [...table.slice(0, table.indexOf('</table>')).matchAll(/<tr>([\s\S]*?)<\/tr>/g)]
			.map((m) => cellsOf(m[1]).map(flatText))
			.slice(1);
		const releases = officeRows('releases/releases.csv');
		expect(rows.sort()).toEqual(
			releases.map((r) => [quarterName(r['季度']), r['发布日期'], r['文号'], r['结果指纹']]).sort(),
		);
		expect(releases.every((r) => /^sha256:[0-9a-f]{64}$/.test(r['结果指纹']))).toBe(true);
	});
	it('names a unit objected to by its name in the quarter objected to, as the ledger does', () => {
		// YY-2022-01: cgj's 2022-Q3 grade; cgj was 区城市管理局 then (data/unit-names.csv), and is renamed since.
		const page = read('objections/index.html');
		expect(page).toContain('>区城市管理局 2022年第三季度<');
		expect(page).not.toContain('区城市管理和综合行政执法局 2022年第三季度');
		expect(read('corrections/index.html')).toContain('区城市管理局');
	});

	it('lists every objection with its dates, working days and state, its deadline counted in working days by the holiday calendar', () => {
		const page = read('objections/index.html');
		const cells = (id: string) => {
			const row = rowOf(page, id);
			expect(row, id).toBeDefined();
			return cellsOf(row!).map((c) =>
				c
					.replace(/<[^>]*>/g, '')
					.replace(/\s+/g, ' ')
					.trim(),
			);
		};
		const all = JSON.parse(read('data/objections.json')) as {
			id: string;
			receivedOn: string;
			deadline: string;
			concludedOn: string | null;
			workdays: number | null;
			state: string;
		}[];
		for (const o of all)
			expect(cells(o.id).slice(2, 6), o.id).toEqual([
				o.receivedOn,
				o.deadline,
				o.concludedOn ?? '—',
				o.workdays === null ? '—' : String(o.workdays),
			]);
		// By hand: 10 working days, the day received not counted (as-of 2026-11-22).
		// YY-2022-01, received Thu 2022-11-10: 11, 14–18, 21–24 → 2022-11-24; concluded that day, the 10th.
		expect(cells('YY-2022-01').slice(2, 6)).toEqual(['2022-11-10', '2022-11-24', '2022-11-24', '10']);
		// YY-2023-02, received Wed 2023-09-27: 9-28; 9-29 to 10-6 中秋 and 国庆; Sat 10-7 and Sun 10-8 are 调休 working days;
		// then 10-9 to 10-13, 10-16, 10-17 → 2023-10-17. Concluded Fri 10-20: 13 working days.
		expect(cells('YY-2023-02').slice(2, 6)).toEqual(['2023-09-27', '2023-10-17', '2023-10-20', '13']);
		// YY-2026-01, received Mon 2026-11-16, still open: 17–20 are 4 working days by 2026-11-22; deadline 11-30.
		expect(cells('YY-2026-01').slice(2, 6)).toEqual(['2026-11-16', '2026-11-30', '—', '4']);
		// The counts by state, from the open data.
		const count = (state: string) => all.filter((o) => o.state === state).length;
		expect(page).toContain(
			`共 ${all.length} 件：逾期未办结 ${count('overdue')} 件，逾期办结 ${count('late')} 件，核查中 ${count('open')} 件，按期办结 ${count('on-time')} 件`,
		);
		expect([count('late'), count('open'), count('on-time')]).toEqual([2, 2, 2]);
	});
	it('lists on a unit’s page the objections to its results and to its 失信 records, with their state and outcome', () => {
		const section = (unit: string) =>
			read(`units/${unit}/index.html`)
				.match(/<h2 id="objections">(?:(?!<\/section>).)*<\/section>/s)?.[0]
				.replace(/<[^>]*>/g, '');
		expect(section('cgj')).toBe(
			'异议YY-2022-01：2022-11-10 收到，对2022年第三季度的评价结果；按期办结，结果：更正（更正 GZ-2022-01）。',
		);
		// An open objection to a record of shhz (XF-shhz-2023-Q4-1 is the record's public id).
		expect(section('shhz')).toBe('异议YY-2026-01：2026-11-16 收到，对失信记录 XF-shhz-2023-Q4-1；核查中。');
		// A unit no one objected to has no such section.
		expect(section('hcjd')).toBeUndefined();
	});
});
