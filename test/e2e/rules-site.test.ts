/**
 * The seeds' rules on a built site (issue 16), with the small dataset `test/fixtures/rules-site/` built as of
 * 2023-06-01 by the real build command. By hand, from its files (A-class Σ max 32, B-class 20, town 62):
 * - 区甲局 (a1): 10 + 8 + 5 + 3.5 = 26.5 of 32 → 82.8 (蓝名单 by score), with an active 较重失信 record
 *   SXJ-2022-001 (2022-11-03, not repaired) → 黄名单 in 2022-Q4 and 2023-Q1.
 * - 区乙局 (a2): 32 of 32 → 100.0 in 2022-Q4, with a 一般失信 record SXR-2022-007 (2022-10-20) repaired on 2023-02-10:
 *   it counts in 2022-Q4 and 2023-Q1 (蓝名单 both), and on 2023-06-01 its 公示 has ended. In 2023-Q1 its 双公示 deduction
 *   (q1-25, 失信记录编号 SXR-2022-007) costs 10: 1.1 is 10 − 10 = 0, 22 of 32 = 68.75 → 68.8, 蓝名单 by score (no
 *   override), ranked 2nd after a1's 82.8.
 * - 区丙办 (b1): 2.01 of 20 in 2022-Q4 = 10.05 → 10.1 (the float formula says 10.0); 17 of 20 in 2023-Q1 = 85.0 →
 *   红名单, exactly on the threshold.
 * - 甲乡 (t1) became 甲镇 on 2023-01-01: 2022-Q4 is 甲乡's quarter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSite } from '../helpers/build-site.ts';
import { scanSite, siteFiles } from '../helpers/privacy-scan.ts';
import { recomputeSite } from '../helpers/recompute.ts';
import { brokenLinks } from './pages.ts';

const DATA = resolve(import.meta.dirname, '..', 'fixtures', 'rules-site');
let dist: string;
let work: string;
const page = (path: string) => readFileSync(join(dist, path), 'utf8');
const json = <T>(path: string): T => JSON.parse(page(path)) as T;
/** A page's text without tags, entities and whitespace, as a reader sees it. */
const text = (path: string) =>
	page(path)
		.replace(/<[^>]+>/g, '')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&')
		.replace(/\s+/g, '');

interface GradeRow {
	id: string;
	name: string;
	score: number;
	grade: string;
	overrides: { grade: string; reason: string; recordId: string }[];
	records: string[];
}
const unitIn = (q: string, id: string) =>
	json<{ units: GradeRow[] }>(`data/grades/${q}.json`).units.find((u) => u.id === id)!;

beforeAll(() => {
	const built = buildSite(DATA, '2023-06-01');
	({ dist, work } = built);
	if (!built.ok) throw new Error(`规则检查数据集构建失败：\n${built.output}`);
});
afterAll(() => {
	if (work) rmSync(work, { recursive: true, force: true });
});

describe('a unit with an active 较重失信 record and a blue-range score', () => {
	const reason =
		'2022-11-03 较重失信记录 SXJ-2022-001（区甲局对企业作出的审批时限承诺连续三次未兑现经核实）：蓝名单须“单位无违约或较重失信行为”，列入黄名单';
	it('is 黄名单 in grades/<q>.json, the override naming the record', () => {
		for (const q of ['2022-Q4', '2023-Q1'])
			expect(unitIn(q, 'a1')).toMatchObject({
				score: 82.8,
				grade: 'yellow',
				records: ['SXJ-2022-001'],
				overrides: [{ grade: 'yellow', recordId: 'SXJ-2022-001', reason }],
			});
	});
	it('shows the override on the quarter page and on the unit page', () => {
		expect(text('grades/2022-Q4/index.html')).toContain(`调整：${reason}`.replace(/\s+/g, ''));
		const unit = text('units/a1/index.html');
		expect(unit).toContain(`等次调整：${reason}`.replace(/\s+/g, ''));
		expect(unit).toContain('区甲局对企业作出的审批时限承诺连续三次未兑现经核实');
	});
});

describe('a renamed unit, named as it was', () => {
	it('carries its old name in the 2022-Q4 grades and evidence rows, its new one from 2023-Q1', () => {
		expect(unitIn('2022-Q4', 't1').name).toBe('甲乡');
		expect(unitIn('2023-Q1', 't1').name).toBe('甲镇');
		const rows = (q: string) =>
			json<{ unitId: string; unitName: string }[]>(`data/evidence/${q}.json`).filter(
				(r) => r.unitId === 't1',
			);
		expect(new Set(rows('2022-Q4').map((r) => r.unitName))).toEqual(new Set(['甲乡']));
		expect(new Set(rows('2023-Q1').map((r) => r.unitName))).toEqual(new Set(['甲镇']));
		expect(page('data/grades/2022-Q4.csv')).toContain(
			'2022-Q4,2023-01-18,淮信用办〔2023〕1号,t1,甲乡,town,87.1,red',
		);
	});
	it('titles its 2022 page with the old name and points to today’s', () => {
		const year = text('units/t1/2022/index.html');
		expect(year).toContain('甲乡2022年各季度指标明细');
		expect(year).toContain('时称“甲乡”，现名“甲镇”');
	});
	it('lists it by its old name in the 2022-Q4 report, with today’s name beside it', () => {
		expect(text('grades/2022-Q4/report/index.html')).toContain('甲乡（现名“甲镇”）');
		expect(text('grades/2023-Q1/report/index.html')).not.toContain('甲乡');
		// The quarter's page too: the old name links the unit, today's is said under it, and only where it differs.
		expect(text('grades/2022-Q4/index.html')).toContain('甲乡现名“甲镇”');
		expect(text('grades/2023-Q1/index.html')).not.toContain('现名');
	});
	it('names it as the recommending unit of an exemplar by its name on the recommendation date, with today’s beside it', () => {
		// c1 was recommended on 2022-12-01 by t1, then 甲乡.
		expect(text('exemplars/2022/c1/index.html')).toContain('推荐单位甲乡（现名“甲镇”）');
		// The 公示 lists the candidate's own unit and the recommending unit apart.
		expect(text('notices/GS-1/index.html')).toContain('张测试女甲乡人民政府科员甲乡窗口承诺');
		expect(page('exemplars/2022/c1/index.html')).toMatch(
			/<a href="\/units\/t1\/"[^>]*>甲乡（现名“甲镇”）<\/a>/,
		);
	});
	it('marks the quarters of the old name in the unit page’s history and chart', () => {
		const unit = page('units/t1/index.html');
		expect(unit).toContain('<h1>甲镇</h1>');
		// The name history, each name with its days.
		expect(text('units/t1/index.html')).toContain('名称沿革甲乡（—至2022-12-31）甲镇（2023-01-01至今）');
		expect(text('units/t1/index.html')).toContain('2022年第四季度（时称“甲乡”）');
		// In the history table under the quarter, not only in the chart's table below it.
		expect(unit).toMatch(/>2022年第四季度<\/a>\s*<div class="muted"[^>]*>（时称“甲乡”）<\/div>/);
		expect(unit).not.toMatch(/>2023年第一季度<\/a>\s*<div class="muted"/);
		// The chart's label too (in its data, as the page's HTML writes it).
		expect(unit).toContain('&quot;2022年第四季度（时称“甲乡”）&quot;');
	});
});

describe('a repaired 失信 record (信用修复管理办法: 公示 ends on repair)', () => {
	const WHAT = '区乙局未按约定期限退还投标保证金此事已经信用修复不应再公示';
	const HOW = '区乙局已全额退还并支付利息后经审核同意信用修复';
	it('leaves no description, source, repair text, date or record number anywhere in dist/, search index included', () => {
		const secrets = [
			{ label: '事由', value: WHAT },
			{ label: '事由（部分）', value: '未按约定期限退还投标保证金' },
			{ label: '修复方式', value: HOW },
			{ label: '记录编号', value: 'SXR-2022-007' },
			{ label: '认定日期', value: '2022-10-20' },
			{ label: '修复日期', value: '2023-02-10' },
			// The deduction it cost (evidence q1-25, which names the record): its 事项 and 来源.
			{ label: '扣分事项', value: '漏报两条行政处罚信息' },
			{ label: '扣分来源', value: '督查室' },
		];
		expect(siteFiles(dist).some((f) => /^pagefind\/fragment\//.test(f.path))).toBe(true);
		expect(scanSite(dist, secrets, [])).toEqual([]);
		// The scan finds what is still public: the unrepaired record's text, in pages, open data and the search index.
		const found = scanSite(dist, [{ label: '未修复', value: '审批时限承诺连续三次未兑现' }], []).map(
			(f) => f.file,
		);
		expect(found).toEqual(expect.arrayContaining(['units/a1/index.html', 'data/dishonesty.json']));
		expect(found.some((f) => f.startsWith('pagefind/fragment/'))).toBe(true);
	});
	it('keeps the grade and the override of the quarters it counted in, worded without details', () => {
		expect(unitIn('2022-Q4', 'a2')).toMatchObject({
			score: 100,
			grade: 'blue',
			records: ['XF-a2-2022-Q4-1'],
			overrides: [
				{
					grade: 'blue',
					recordId: 'XF-a2-2022-Q4-1',
					reason: '失信记录（已信用修复，不再公示详情）：红名单须“单位无失信行为”，至多列入蓝名单',
				},
			],
		});
		expect(unitIn('2023-Q1', 'a2')).toMatchObject({
			score: 68.8,
			grade: 'blue',
			rank: 2,
			records: ['XF-a2-2022-Q4-1'],
			overrides: [],
		});
		expect(text('units/a2/index.html')).toContain(
			'失信记录（已信用修复，不再公示详情）：计入2022年第四季度至2023年第一季度的评价。',
		);
	});
	it('withholds the details of the deduction it cost, which still counts: the 事项 says so, no 来源 or 理由', () => {
		const row = json<Record<string, unknown>[]>('data/evidence/2023-Q1.json').find((r) => r.id === 'q1-25');
		expect(row).toEqual({
			id: 'q1-25',
			quarter: '2023-Q1',
			unitId: 'a2',
			unitName: '区乙局',
			indicatorId: '1.1',
			kind: 'incident',
			date: '2023-01-09',
			count: null,
			points: null,
			what: '失信记录（已信用修复，不再公示详情）',
			source: null,
			reason: null,
		});
		expect(unitIn('2023-Q1', 'a2')).toMatchObject({ points: { '1.1': 0 } });
		expect(text('units/a2/2023/index.html')).toContain(
			'2023-01-09·扣分·失信记录（已信用修复，不再公示详情）q1-25',
		);
	});
	it('is in open data with its opaque id, its unit, its quarters and its cap only', () => {
		const rows = json<Record<string, unknown>[]>('data/dishonesty.json');
		expect(rows.find((r) => r.unitId === 'a2')).toEqual({
			id: 'XF-a2-2022-Q4-1',
			unitId: 'a2',
			unitName: '区乙局',
			activeFrom: '2022-Q4',
			activeTo: '2023-Q1',
			cap: 'blue',
			repaired: true,
			date: null,
			severity: null,
			kind: null,
			what: null,
			source: null,
			repairedOn: null,
			repairHow: null,
		});
	});
});

describe('a pledge under a rubric that changed (2022: 0.5 分, 4 quarters; 2023: 1 分, 3 quarters)', () => {
	// pledges.csv p1: 甲公司, signed 2022-02-15 (2022-Q1) with t1. 2022-Q4 counts it (2022's 4 quarters: Q1–Q4);
	// 2023-Q1 is 4 quarters on, and 2023 counts 3. So it counts through 2022-Q4, whatever today's rubric says.
	it('counts in the open data through the last quarter that scored it', () => {
		const [p1] = json<{ id: string; validFrom: string; validTo: string }[]>('data/pledges.json');
		expect(p1).toMatchObject({ id: 'p1', validFrom: '2022-Q1', validTo: '2022-Q4' });
	});
	it('is described on the pledges pages by the rubric in force today (2023), and its row says the same quarter', () => {
		const rule = '在综合信用评价中，每家企业计1分，最高5分，自签订季度起3个季度内有效。';
		expect(text('commitments/pledges/index.html')).toContain(rule);
		expect(text('commitments/pledges/t1/index.html')).toContain(rule);
		expect(text('commitments/pledges/t1/index.html')).toContain('计分至2022年第四季度');
	});
});

describe('a site from other data', () => {
	it('links only to pages it has: every internal link, asset and #fragment resolves (no policies folder here)', () => {
		const { broken, checked } = brokenLinks(dist);
		expect(broken).toEqual([]);
		expect(checked).toBeGreaterThan(100);
	});
});

describe('the independent recompute on this site', () => {
	it('matches every published score, grade, override and rank', () => {
		const r = recomputeSite(dist);
		expect(r.mismatches).toEqual([]);
		expect(r.checked).toBe(8);
	});
	it('includes a score where the exact rule and the float formula disagree: 2.01 of 20 is published 10.1', () => {
		const r = recomputeSite(dist);
		expect(r.scores.filter((s) => s.score !== s.float)).toEqual([
			{ quarter: '2022-Q4', id: 'b1', score: 10.1, float: 10 },
		]);
	});
	it('puts 85.0 exactly on 红名单 (b1 in 2023-Q1: 17 of 20)', () => {
		expect(unitIn('2023-Q1', 'b1')).toMatchObject({ score: 85, grade: 'red', overrides: [] });
	});
});
