/**
 * Issue 14's acceptance on the demo data: a new quarter is a draft until the office releases it. On a copy of data/,
 * a handful of rows in evidence/2026-Q4.csv and no release entry change nothing in the built site (byte for byte, the
 * same as-of date as the e2e build, which serves as the "before"), `npm run report -- 2026-Q4` previews the draft,
 * and a release entry for the half-filled quarter is refused with the missing unit × indicator cells.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSite } from '../helpers/build-site.ts';
import { treeHashes } from '../helpers/files.ts';
import { E2E_EPOCH } from './global-setup.ts';

const root = resolve(import.meta.dirname, '..', '..');

/** Runs an office command on a data folder as of the e2e date, with its own cache. */
function run(script: string, dir: string, ...args: string[]) {
	return spawnSync('node', [script, ...args], {
		cwd: root,
		env: { ...process.env, DATA_DIR: dir, CACHE_DIR: join(dir, '..', 'cache'), SOURCE_DATE_EPOCH: E2E_EPOCH },
		encoding: 'utf8',
	});
}

/**
 * Six rows for three units, as a clerk might have typed them by mid-November: 淮城街道 (a town), 区行政审批局 (A) and
 * the 区委组织部 (B). Six cells of the quarter's 605 (23 towns and parks × 10 evidence indicators, 30 A-class × 11,
 * 5 B-class × 9; 5.2 and 5.3 are computed) are filled, so 599 are missing, in every one of the 58 units.
 */
const DRAFT = [
	'\uFEFF记录编号,单位编号,指标编号,类型,日期,数量,得分,事项,来源,理由',
	'2026Q4-0001,hcjd,1.1,完成,2026-10-20,,,四季度“双公示”信息 7 日内全量报送（行政许可 25 条、行政处罚 12 条）,信用办,',
	'2026Q4-0002,hcjd,3.6,事项,2026-10-28,2,,诚信进社区宣传活动（镇淮楼社区、古城社区）,信用办,',
	'2026Q4-0003,xzspj,1.1,完成,2026-11-05,,,四季度“双公示”信息 7 日内全量报送（行政许可 1210 条、行政处罚 0 条）,信用办,',
	'2026Q4-0004,xzspj,3.1,事项,2026-10-15,1,,信易批：淮安瑞丰食品有限公司食品经营许可容缺受理，承诺 10 个工作日内补齐消防验收意见，已按期履约,信用办,',
	'2026Q4-0005,xzspj,5.4,无,,,,本季度无新的评审结果,信用办,',
	'2026Q4-0006,zzb,2.1,评分,2026-11-10,,8,四季度信用审查与联合奖惩制度建设评审,信用办,已出台信用审查制度并在资金安排、评优评先中执行；联合奖惩案例台账不够完整',
	'',
].join('\r\n');

let work: string;
let data: string;
let built: ReturnType<typeof buildSite>;
beforeAll(() => {
	work = mkdtempSync(join(tmpdir(), 'xy-draft-'));
	data = join(work, 'data');
	cpSync(join(root, 'data'), data, { recursive: true });
	writeFileSync(join(data, 'evidence', '2026-Q4.csv'), DRAFT);
	built = buildSite(data, '2026-11-22');
}, 600_000);
afterAll(() => {
	if (work) rmSync(work, { recursive: true, force: true });
	if (built?.work) rmSync(built.work, { recursive: true, force: true });
});

describe('a new quarter with no release entry (issue 14: a draft by default)', () => {
	it('changes nothing in dist/: every file byte-identical to the demo built as of the same day', () => {
		expect(built.ok, built.output).toBe(true);
		const before = treeHashes(inject('distDir'));
		const after = treeHashes(built.dist);
		expect(Object.keys(before).length).toBeGreaterThan(100);
		const differing = Object.keys({ ...before, ...after }).filter((f) => before[f] !== after[f]);
		expect(differing).toEqual([]);
		// The draft's rows are scored, and named as withheld: nothing is dropped silently.
		expect(built.output).toContain('2026-Q4');
	});

	it('is previewed by npm run report -- 2026-Q4 with the cells it still lacks', { timeout: 120_000 }, () => {
		const r = run('scripts/report.ts', data, '2026-Q4');
		expect(r.status, r.stderr).toBe(0);
		const lines = r.stdout.split('\n');
		expect(lines.slice(0, 4)).toEqual([
			'2026年第四季度 政务诚信建设综合信用评价结果摘要（草稿预览）',
			'评价指标：2026 年；数据截至 2026-11-22',
			'状态：草稿，尚未发布，网站上不显示。发布请运行 npm run release -- 2026-Q4 --date <发布日期> --doc <文号>（登记发布记录，并写出发布快照和结果指纹）。',
			'尚缺 58 个单位的 599 项评价记录（发布前须补齐：每个单位的每项适用指标至少一行，没有可报的事实就填一行类型为“无”的记录）：',
		]);
		expect(lines).toContain('  淮城街道（hcjd）：1.3、2.1、3.2、3.3、3.4、3.5、5.1、5.4');
		expect(lines).toContain('  区行政审批局（xzspj）：1.2、1.3、2.1、3.2、3.3、3.4、3.5、3.6');
		expect(lines).toContain('  中共淮安市淮安区委组织部（zzb）：1.1、1.3、3.2、3.3、3.4、3.5、3.6、5.4');
		expect(lines.filter((l) => /^ {2}\S+（[a-z]+）：/.test(l))).toHaveLength(58);
		// Half a quarter makes almost every unit 黄名单: the preview says so before anyone releases it.
		expect(r.stdout).toMatch(
			/警告：2026-Q4（草稿）与 2026-Q3 相比，58 个单位中有 \d+ 个等次变化，超过四分之一/,
		);
		// 区委组织部 by hand: 2.1 评分 8 of the B class's 65 → 12.3, 黄名单.
		expect(r.stdout).toContain('中共淮安市淮安区委组织部 12.3（黄名单）');
	});

	it(
		'is refused as a release: validation lists the missing cells of every unit',
		{ timeout: 120_000 },
		() => {
			appendFileSync(join(data, 'releases', 'releases.csv'), '2026-Q4,2026-11-20,淮信用办〔2026〕11号,,\n');
			const r = run('scripts/validate.ts', data);
			expect(r.status).toBe(1);
			const refused = r.stdout.split('\n').filter((l) => l.endsWith('(release-incomplete)'));
			expect(refused).toHaveLength(58);
			const line = refused.find((l) => l.includes('（zzb）'));
			expect(line).toBe(
				`${data}/releases/releases.csv:21:1: 第 21 行第 1 列（季度）：2026-Q4 已登记发布，但"中共淮安市淮安区委组织部"（zzb）缺少指标 1.1、1.3、3.2、3.3、3.4、3.5、3.6、5.4 的评价记录：每个单位的每项适用指标至少要有一行，没有可报的事实就填一行类型为“无”的记录；尚未填完的季度请先删去这一行发布记录 (release-incomplete)`,
			);
			expect(r.stdout).toContain('release-incomplete: 58');
		},
	);
});
