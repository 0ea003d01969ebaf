import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { FIXTURES } from '../helpers/files.ts';

const root = resolve(import.meta.dirname, '..', '..');
/** 2026-11-22 in Asia/Shanghai, so the report's as-of line is fixed. */
const EPOCH = '1795276800';

// Each test spawns a script: 1–4 s alone, sized for two shared cores at a load of 8 (the 5 s default failed there).
/** Runs an office command on a data folder, with its own cache so the office's .cache/ is never touched. */
function run(script: string, dir: string, ...args: string[]) {
	return spawnSync('node', [script, ...args], {
		cwd: root,
		env: { ...process.env, DATA_DIR: dir, CACHE_DIR: join(dir, '..', 'cache'), SOURCE_DATE_EPOCH: EPOCH },
		encoding: 'utf8',
	});
}

const temporary: string[] = [];
afterAll(() => {
	for (const d of temporary) rmSync(d, { recursive: true, force: true });
});

/** A copy of a data folder in a temporary directory (removed after the tests). */
function copyOf(src: string): string {
	const work = mkdtempSync(join(tmpdir(), 'xy-office-'));
	temporary.push(work);
	const dir = join(work, 'data');
	cpSync(src, dir, { recursive: true });
	return dir;
}

/** An evidence file's header as the office's older files have it: without the 失信记录编号 column, which may be left out. */
const EVIDENCE_HEADER = '记录编号,单位编号,指标编号,类型,日期,数量,得分,事项,来源,理由';
/** The header `new:quarter` writes: every column. */
const TEMPLATE_HEADER = `${EVIDENCE_HEADER},失信记录编号`;

describe('npm run new:quarter', { timeout: 60_000 }, () => {
	it('pre-fills one blank row per active unit and applicable evidence indicator, and the result validates', () => {
		const dir = copyOf(join(FIXTURES, 'valid'));
		const r = run('scripts/new-quarter.ts', dir, '2022-Q2');
		expect(r.status).toBe(0);
		// Rubric 2022 of the fixture, without 5.2 and 5.3 (computed from pledges and commitments):
		// towns 1.1 1.3 2.1 3.2 3.3 3.4 3.5 3.6 5.1 5.4 = 10 each × 2 towns; A 11; B 9 → 40 rows.
		expect(r.stdout).toContain('4 个单位，共 40 行预填记录（记录编号 2022Q2-0001～2022Q2-0040）');
		const text = readFileSync(join(dir, 'evidence', '2022-Q2.csv'), 'utf8');
		const lines = text.split('\r\n');
		expect(text.startsWith('\uFEFF')).toBe(true);
		expect(lines[0]).toBe(`\uFEFF${TEMPLATE_HEADER}`);
		expect(lines.slice(1, 4)).toEqual([
			'2022Q2-0001,t1,1.1,,,,,,,,',
			'2022Q2-0002,t1,1.3,,,,,,,,',
			'2022Q2-0003,t1,2.1,,,,,,,,',
		]);
		expect(lines.filter((l) => l.includes(',a1,')).map((l) => l.split(',')[2])).toEqual([
			'1.1',
			'1.2',
			'1.3',
			'2.1',
			'3.1',
			'3.2',
			'3.3',
			'3.4',
			'3.5',
			'3.6',
			'5.4',
		]);
		expect(lines.at(-2)).toBe('2022Q2-0040,b1,5.4,,,,,,,,');
		expect(lines.at(-1)).toBe('');

		const v = run('scripts/validate.ts', dir);
		expect(v.status).toBe(0);
		expect(v.stdout).toContain('共 0 个错误，0 个警告。');
		expect(v.stdout).toContain('其中 40 行是尚未填写的空白预填行');
		// A quarter of placeholders only is not published: there is nothing to report for it.
		const rep = run('scripts/report.ts', dir, '2022-Q2');
		expect(rep.status).toBe(1);
		expect(rep.stderr).toContain('2022-Q2 没有评价结果');
	});

	it('works on the demo data once the year has a rubric, and refuses to overwrite', () => {
		const dir = copyOf(join(root, 'data'));
		const refused = run('scripts/new-quarter.ts', dir, '2027-Q1');
		expect(refused.status).toBe(1);
		expect(refused.stderr).toContain('没有 2027 年的评价指标文件');
		const rubric = readFileSync(join(dir, 'rubrics', '2026.json'), 'utf8').replace(
			'"year": 2026',
			'"year": 2027',
		);
		writeFileSync(join(dir, 'rubrics', '2027.json'), rubric);
		const r = run('scripts/new-quarter.ts', dir, '2027-Q1');
		expect(r.status, r.stderr).toBe(0);
		const v = run('scripts/validate.ts', dir, '--quiet');
		expect(v.stdout).toContain('共 0 个错误，0 个警告。');
		expect(v.status).toBe(0);
		const before = readFileSync(join(dir, 'evidence', '2027-Q1.csv'));
		const again = run('scripts/new-quarter.ts', dir, '2027-Q1');
		expect(again.status).toBe(1);
		expect(again.stderr).toContain('2027-Q1.csv 已存在，不会覆盖');
		expect(readFileSync(join(dir, 'evidence', '2027-Q1.csv'))).toEqual(before);
	}, 60_000);

	it('treats a row with anything filled in as a fact that must be complete, never as a silent blank', () => {
		const dir = copyOf(join(FIXTURES, 'valid'));
		writeFileSync(
			join(dir, 'evidence', '2022-Q2.csv'),
			`\uFEFF${EVIDENCE_HEADER}\r\nf1,t1,1.1,,,,,,,\r\nf2,t1,1.3,,,,,,信用办,\r\n`,
		);
		const v = run('scripts/validate.ts', dir);
		expect(v.status).toBe(1);
		expect(v.stdout.split('\n').filter((l) => l.includes('2022-Q2.csv'))).toEqual([
			`${dir}/evidence/2022-Q2.csv:3:5: 第 3 行第 5 列（日期）："日期" 不能为空 (required)`,
			`${dir}/evidence/2022-Q2.csv:3:8: 第 3 行第 8 列（事项）："事项" 不能为空：写明做了什么或发生了什么 (required)`,
		]);
	});

	it('refuses a record id taken in another quarter, and is not stopped by a warning in units.csv', () => {
		const dir = copyOf(join(FIXTURES, 'valid'));
		// units.csv saved by Excel as GBK: read correctly, with a warning only.
		const units = join(dir, 'units.csv');
		writeFileSync(units, iconv.encode(readFileSync(units, 'utf8').replace(/^\uFEFF/, ''), 'gbk'));
		const evidence = join(dir, 'evidence', '2022-Q1.csv');
		const before = readFileSync(evidence, 'utf8');
		// The third id the new file would use (2022Q2-0003, see above), already a record of 2022-Q1.
		writeFileSync(evidence, `${before}2022Q2-0003,t2,1.1,完成,2022-01-20,,,双公示按时全量报送,信用办,\r\n`);
		const taken = run('scripts/new-quarter.ts', dir, '2022-Q2');
		expect(taken.status).toBe(1);
		expect(taken.stderr.trim()).toBe('记录编号 2022Q2-0003 已在其他季度的评价记录中使用，无法生成。');
		expect(existsSync(join(dir, 'evidence', '2022-Q2.csv'))).toBe(false);

		writeFileSync(evidence, before);
		const r = run('scripts/new-quarter.ts', dir, '2022-Q2');
		expect(r.status, r.stderr).toBe(0);
		expect(r.stdout).toContain('4 个单位，共 40 行预填记录');
	});

	it('rejects a malformed quarter', () => {
		const r = run('scripts/new-quarter.ts', join(FIXTURES, 'valid'), '2024Q1');
		expect(r.status).toBe(1);
		expect(r.stderr).toContain('季度应写作 <年>-Q<季度>，例如 2024-Q1');
		// No quarter at all: the usage, and a failure for a script that forgot it.
		const none = run('scripts/new-quarter.ts', join(FIXTURES, 'valid'));
		expect(none.status).toBe(1);
		expect(none.stdout).toContain('用法：npm run new:quarter -- <季度>');
	});
});

describe('an option a command does not know', { timeout: 60_000 }, () => {
	it('stops the command with exit code 2, naming the option and the known ones, and fixes nothing', () => {
		const dir = copyOf(join(FIXTURES, 'valid'));
		const before = readFileSync(join(dir, 'evidence', '2022-Q1.csv'));
		const r = run('scripts/validate.ts', dir, '--fxi');
		expect([r.status, r.stdout, r.stderr.trim()]).toEqual([
			2,
			'',
			'npm run validate 不认识选项 --fxi：可用的选项是 --quiet、--fix、--help、-h（运行 npm run validate -- --help 查看说明）',
		]);
		expect(readFileSync(join(dir, 'evidence', '2022-Q1.csv'))).toEqual(before);
		// One dash where two were meant: refused too, not run without fixing.
		const dash = run('scripts/validate.ts', dir, '-fix');
		expect([dash.status, dash.stdout]).toEqual([2, '']);
		expect(dash.stderr).toContain('npm run validate 不认识选项 -fix：');
		expect(run('scripts/score.ts', dir, '--quite').status).toBe(2);
		expect(run('scripts/report.ts', dir, '2022-Q1', '--al').status).toBe(2);
		const release = run('scripts/release.ts', dir, '2022-Q1', '--dat', '2022-04-20');
		expect([release.status, release.stderr.split('\n')[0]]).toEqual([
			2,
			'npm run release 不认识选项 --dat：可用的选项是 --date、--doc、--note、--seal、--correct、--reason、--id、--help（运行 npm run release -- --help 查看说明）',
		]);
	});
});

describe('npm run validate -- --fix', { timeout: 60_000 }, () => {
	it('adds the BOM, converts GBK, makes full-width digits and dates half-width ISO, lists each change, then validates', () => {
		const dir = copyOf(join(FIXTURES, 'valid'));
		// 2022-Q1 holds two rows here: a draft, not a complete quarter to release (so no release snapshot either).
		writeFileSync(join(dir, 'releases', 'releases.csv'), '\uFEFF季度,发布日期,文号,结果指纹,备注\r\n');
		rmSync(join(dir, 'releases', '2022-Q1.json'));
		// Saved by Excel as plain UTF-8 (no BOM), typed with a Chinese IME: full-width digits, a slash date, spaces.
		writeFileSync(
			join(dir, 'evidence', '2022-Q1.csv'),
			`${EVIDENCE_HEADER}\r\ne1,t1,1.1,完成,2022/1/15,,,双公示按时全量报送,信用办,\r\ne2, t1 ,3.6,事项,２０２２-０２-１０,３,,"诚信进校园（３次）, 宣传",信用办,\r\n`,
		);
		// units.csv saved as GBK ("CSV" in Excel on a Chinese Windows), with a full-width letter in an id.
		const units = readFileSync(join(dir, 'units.csv'), 'utf8')
			.replace(/^\uFEFF/, '')
			.replace('t2,', 'ｔ2,');
		writeFileSync(join(dir, 'units.csv'), iconv.encode(units, 'gbk'));
		// pledges.csv saved as "CSV UTF-8" (with its BOM), with a full-width digit in a date.
		const pledges = readFileSync(join(dir, 'pledges.csv'), 'utf8').replace('2022-02-15', '2022-02-１５');
		writeFileSync(join(dir, 'pledges.csv'), pledges);

		const before = run('scripts/validate.ts', dir);
		expect(before.status).toBe(1);
		const r = run('scripts/validate.ts', dir, '--fix');
		expect(r.stdout.split('\n').slice(0, 10)).toEqual([
			`${dir}/pledges.csv:2:5: "2022-02-１５" → "2022-02-15"`,
			`${dir}/units.csv:1:1: GBK/GB18030 编码 → UTF-8（带 BOM）`,
			`${dir}/units.csv:3:1: "ｔ2" → "t2"`,
			`${dir}/evidence/2022-Q1.csv:1:1: UTF-8（无 BOM） → UTF-8（带 BOM）`,
			`${dir}/evidence/2022-Q1.csv:2:5: "2022/1/15" → "2022-01-15"`,
			`${dir}/evidence/2022-Q1.csv:3:2: " t1 " → "t1"`,
			`${dir}/evidence/2022-Q1.csv:3:5: "２０２２-０２-１０" → "2022-02-10"`,
			`${dir}/evidence/2022-Q1.csv:3:6: "３" → "3"`,
			'自动修正：3 个文件、8 处改动。',
			'',
		]);
		expect(r.stdout).toContain('共 0 个错误，0 个警告。');
		expect(r.status).toBe(0);
		// Only the changed cells are rewritten; free text keeps its full-width characters and its quotes.
		expect(readFileSync(join(dir, 'evidence', '2022-Q1.csv'), 'utf8')).toBe(
			`\uFEFF${EVIDENCE_HEADER}\r\ne1,t1,1.1,完成,2022-01-15,,,双公示按时全量报送,信用办,\r\ne2,t1,3.6,事项,2022-02-10,3,,"诚信进校园（３次）, 宣传",信用办,\r\n`,
		);
		expect(readFileSync(join(dir, 'pledges.csv'), 'utf8')).toBe(pledges.replace('１５', '15'));
		expect(readFileSync(join(dir, 'units.csv'), 'utf8')).toBe(
			'\uFEFF单位编号,类别,设立日期,撤销日期,并入单位,备注\r\nt1,镇街,,,,\r\nt2,镇街,,,,\r\na1,A类,,,,\r\nb1,B类,,,,\r\n',
		);
		// A second run has nothing left to do.
		expect(run('scripts/validate.ts', dir, '--fix').stdout).toContain('自动修正：0 个文件、0 处改动。');
	});

	it('leaves a file with a broken quote alone and lets the validator explain it', () => {
		const dir = copyOf(join(FIXTURES, 'valid'));
		const broken = `\uFEFF单位编号,类别,设立日期,撤销日期,并入单位,备注\r\nt1,镇街,,,,"没有闭合\r\nt2,镇街,,,,\r\n`;
		writeFileSync(join(dir, 'units.csv'), broken);
		const r = run('scripts/validate.ts', dir, '--fix');
		expect(r.stdout).toContain(
			`${dir}/units.csv: CSV 结构有问题（引号、空文件等），单元格未修正；请先按检查结果改正`,
		);
		expect(r.stdout).toContain('(csv-quote)');
		// A file left alone is not counted as fixed.
		expect(r.stdout).toContain('自动修正：0 个文件、0 处改动。');
		expect(r.status).toBe(1);
		expect(readFileSync(join(dir, 'units.csv'), 'utf8')).toBe(broken);
	});
});

describe('npm run report', { timeout: 60_000 }, () => {
	it('says a folder with an error cannot be previewed, not that it cannot be published', () => {
		const dir = copyOf(join(FIXTURES, 'valid'));
		const units = readFileSync(join(dir, 'units.csv'), 'utf8');
		writeFileSync(join(dir, 'units.csv'), units.replace(/\n(t1,)镇街,/, '\n$1镇街部,'));
		const r = run('scripts/report.ts', dir, '2022-Q1');
		expect(r.status).toBe(1);
		expect(r.stderr).toMatch(/^数据有错误，改正之前不能预览评价结果：\n.*units\.csv:\d+:2: .*\(enum-error\)/);
		expect(r.stderr).not.toContain('不能发布');
	});
	it('summarises the first quarter of the small fixture (scores computed by hand)', () => {
		// 甲镇 t1: 1.1 完成 10 + 3.6 3 次 × 1.5 = 4.5 + 2.1 评分 8 + 5.2 1 家企业 × 0.5 + 5.3 缺 14 类 → 0
		//   = 23 of 95 → 24.2. 乙镇 t2: nothing → 0.0. 区甲局 a1: 3.1 2 例 × 1 = 2 of 75 → 2.7.
		// 区乙办 b1: 1.3 完成 5 of 65 → 7.7. Towns' mean (24.2 + 0.0) / 2 = 12.1. All below 60: yellow; t2's 失信
		// record changes nothing (already yellow).
		const r = run('scripts/report.ts', join(FIXTURES, 'valid'), '2022-Q1');
		expect(r.status).toBe(0);
		expect(r.stdout.split('\n')).toEqual([
			'2022年第一季度 政务诚信建设综合信用评价结果摘要',
			'评价指标：2022 年；数据截至 2026-11-22',
			'发布：2022-04-20，淮信用办〔2022〕2号',
			'',
			'一、总体情况',
			'共评价 4 个单位：红名单 0 个，蓝名单 0 个，黄名单 4 个。',
			'这是第一个评价季度，没有可比较的上季度结果。',
			'',
			'二、分类别情况',
			'类别          单位数  红名单  蓝名单  黄名单  平均分',
			'镇（街道）         2       0       0       2    12.1',
			'A类部门            1       0       0       1     2.7',
			'B类部门            1       0       0       1     7.7',
			'（平均分为各单位得分的算术平均，保留一位小数。）',
			'',
			'三、各类别排名（同类单位内排名，同分同名次）',
			'镇（街道）（2 个）',
			'  名次：1. 甲镇 24.2（黄名单）；2. 乙镇 0.0（黄名单）',
			'A类部门（1 个）',
			'  名次：1. 区甲局 2.7（黄名单）',
			'B类部门（1 个）',
			'  名次：1. 区乙办 7.7（黄名单）',
			'',
			'四、因失信记录调整等次（0 个）',
			'  无。',
			'',
			'五、与上季度相比',
			'  无可比较的上季度结果。',
			'',
		]);
	});

	it('compares with the previous quarter: grade moves, category means, biggest rises and falls', () => {
		const dir = copyOf(join(FIXTURES, 'valid'));
		writeFileSync(
			join(dir, 'evidence', '2022-Q2.csv'),
			[
				`\uFEFF${EVIDENCE_HEADER}`,
				'f1,t1,1.1,完成,2022-04-10,,,双公示按时全量报送,信用办,',
				'f2,t2,1.1,完成,2022-04-12,,,双公示按时全量报送,信用办,',
				'f3,t2,2.1,评分,2022-05-01,,9,信用审查制度,信用办,制度健全',
				...['1.1', '1.2', '1.3', '3.2', '3.3', '3.4'].map(
					(id, i) => `g${i},a1,${id},完成,2022-06-0${i + 1},,,按要求完成,信用办,`,
				),
				'g6,a1,2.1,评分,2022-06-10,,10,信用审查制度,信用办,制度健全',
				'g7,a1,5.4,评分,2022-06-11,,10,创新案例,信用办,被市级推广',
				'',
			].join('\r\n'),
		);
		// Q2 by hand — 甲镇: 1.1 10 + 5.2 0.5 (pledge still valid) = 10.5 of 95 → 11.1 (−13.1).
		// 乙镇: 1.1 10 + 2.1 9 = 19 of 95 → 20.0 (+20.0). 区甲局: 10 + 5 + 5 + 5 + 5 + 5 + 10 + 10 = 55 of 75 → 73.3,
		// 黄 → 蓝 (+70.6). 区乙办: 0 of 65 → 0.0 (−7.7). Towns' mean (11.1 + 20.0) / 2 = 15.55 → 15.6, +3.5 on 12.1.
		// 2022-Q2 has no release record: a draft, previewed with the cells it still lacks (5.2 and 5.3 are computed,
		// so never listed) and every unit's line.
		const r = run('scripts/report.ts', dir, '2022-Q2');
		expect(r.status, r.stderr).toBe(0);
		// The quarter asked for, not the latest; and a quarter mistyped is refused, not taken for the latest.
		const first = run('scripts/report.ts', dir, '2022-Q1');
		expect(first.stdout.split('\n')[0]).toBe('2022年第一季度 政务诚信建设综合信用评价结果摘要');
		const typo = run('scripts/report.ts', dir, '2022Q1');
		expect(typo.status).toBe(1);
		expect(typo.stderr.trim()).toBe('季度应写作 <年>-Q<季度>，例如 2023-Q4，而不是 "2022Q1"');
		expect(r.stdout.split('\n')).toEqual([
			'2022年第二季度 政务诚信建设综合信用评价结果摘要（草稿预览）',
			'评价指标：2022 年；数据截至 2026-11-22',
			'状态：草稿，尚未发布，网站上不显示。发布请运行 npm run release -- 2022-Q2 --date <发布日期> --doc <文号>（登记发布记录，并写出发布快照和结果指纹）。',
			'尚缺 4 个单位的 29 项评价记录（发布前须补齐：每个单位的每项适用指标至少一行，没有可报的事实就填一行类型为“无”的记录）：',
			'  甲镇（t1）：1.3、2.1、3.2、3.3、3.4、3.5、3.6、5.1、5.4',
			'  乙镇（t2）：1.3、3.2、3.3、3.4、3.5、3.6、5.1、5.4',
			'  区甲局（a1）：3.1、3.5、3.6',
			'  区乙办（b1）：1.1、1.3、2.1、3.2、3.3、3.4、3.5、3.6、5.4',
			'',
			'一、总体情况',
			'共评价 4 个单位：红名单 0 个，蓝名单 1 个，黄名单 3 个。',
			'与上季度（2022年第一季度）相比：等次上升 1 个，下降 0 个，不变 3 个。',
			'',
			'二、分类别情况',
			'类别          单位数  红名单  蓝名单  黄名单  平均分  较上季度',
			'镇（街道）         2       0       0       2    15.6      +3.5',
			'A类部门            1       0       1       0    73.3     +70.6',
			'B类部门            1       0       0       1     0.0      -7.7',
			'（平均分为各单位得分的算术平均，保留一位小数。）',
			'',
			'三、各类别排名（同类单位内排名，同分同名次）',
			'镇（街道）（2 个）',
			'  名次：1. 乙镇 20.0（黄名单）；2. 甲镇 11.1（黄名单）',
			'A类部门（1 个）',
			'  名次：1. 区甲局 73.3（蓝名单）',
			'B类部门（1 个）',
			'  名次：1. 区乙办 0.0（黄名单）',
			'',
			'四、因失信记录调整等次（0 个）',
			'  无。',
			'',
			'五、与上季度（2022年第一季度）相比',
			'  等次上升：区甲局 黄名单 → 蓝名单（+70.6）',
			'  等次下降：无',
			'  得分升幅最大：区甲局 +70.6；乙镇 +20.0',
			'  得分降幅最大：甲镇 -13.1；区乙办 -7.7',
			'',
			'六、各单位得分与等次（草稿预览，较上季度（2022年第一季度））',
			'  乙镇                                镇（街道）  20.0  黄名单   +20.0',
			'  甲镇                                镇（街道）  11.1  黄名单   -13.1',
			'  区甲局                              A类部门     73.3  蓝名单   +70.6（黄名单 → 蓝名单）',
			'  区乙办                              B类部门      0.0  黄名单    -7.7',
			'（＊ 表示因失信记录调整了等次。）',
			'',
		]);
	});
});

describe('the ledger in the build: no silent change to a released quarter', { timeout: 120_000 }, () => {
	it('fails the score stage on an edited released quarter naming quarter, unit and old → new; npm run release --correct records it and the stage passes', () => {
		const dir = copyOf(join(FIXTURES, 'valid'));
		const file = join(dir, 'evidence', '2022-Q1.csv');
		// 甲镇's 3 宣传 activities under 3.6 (1.5 points each: 4.5) become 1 (1.5).
		const before = readFileSync(file, 'utf8');
		const edited = before.replace('e2,t1,3.6,事项,2022-02-10,3,', 'e2,t1,3.6,事项,2022-02-10,1,');
		expect(edited).not.toBe(before);
		writeFileSync(file, edited);

		const refused = run('scripts/score.ts', dir);
		expect(refused.status).toBe(1);
		const line = refused.stderr.split('\n').find((l) => l.includes('(unexplained-change)'));
		expect(line).toContain('releases/releases.csv:2:1: 2022-Q1 已发布的评价结果有 2 处变化，但没有更正记录');
		expect(line).toContain('甲镇（t1）指标 3.6 得分 4.5 → 1.5');
		expect(line).toContain('npm run release -- 2022-Q1 --correct');

		const corrected = run(
			'scripts/release.ts',
			dir,
			'2022-Q1',
			'--correct',
			'--date',
			'2022-05-10',
			'--doc',
			'淮信用办〔2022〕3号',
			'--reason',
			'核减宣传活动次数',
		);
		expect(corrected.status).toBe(0);
		const rows = readFileSync(join(dir, 'releases', 'corrections.csv'), 'utf8')
			.split(/\r?\n/)
			.filter(Boolean);
		expect(rows.slice(1, 2)).toEqual([
			'GZ-2022-01,2022-Q1,2022-05-10,淮信用办〔2022〕3号,t1,指标 3.6,4.5,1.5,核减宣传活动次数',
		]);
		expect(rows[2]).toMatch(/^GZ-2022-01,2022-Q1,2022-05-10,淮信用办〔2022〕3号,t1,得分,24\.2,21\.1,/);
		expect(run('scripts/score.ts', dir).status).toBe(0);
	});
});

describe('npm run release', { timeout: 120_000 }, () => {
	it('refuses in writing and with exit 1, writing nothing; --seal writes back the snapshot and fingerprint of the results as they are', () => {
		const dir = copyOf(join(FIXTURES, 'valid'));
		const csv = join(dir, 'releases', 'releases.csv');
		const snapshot = join(dir, 'releases', '2022-Q1.json');
		const [released, sealed] = [readFileSync(csv, 'utf8'), readFileSync(snapshot)];
		const fingerprint = `sha256:${createHash('sha256').update(sealed).digest('hex')}`;
		expect(released).toContain(`,${fingerprint},`);

		// Released already: refused, said why, nothing written.
		const again = run(
			'scripts/release.ts',
			dir,
			'2022-Q1',
			'--date',
			'2022-05-01',
			'--doc',
			'淮信用办〔2022〕9号',
		);
		expect(again.status).toBe(1);
		expect(again.stderr.trim().split('\n').at(-1)).toBe('没有写入任何文件。');
		// Two quarters at once: refused before the data is read, not the first one released.
		const two = run('scripts/release.ts', dir, '2022-Q1', '2022-Q2', '--seal');
		expect(two.status).toBe(1);
		expect(two.stderr).toContain('请写明一个季度');
		expect(readFileSync(csv, 'utf8')).toBe(released);

		// The snapshot and its fingerprint lost: --seal writes both again, byte for byte as they were.
		writeFileSync(csv, released.replace(`,${fingerprint},`, ',,'));
		rmSync(snapshot);
		const seal = run('scripts/release.ts', dir, '2022-Q1', '--seal');
		expect(seal.status).toBe(0);
		expect(seal.stdout).toContain('2022-Q1（2022-04-20 发布，淮信用办〔2022〕2号）已封存');
		expect(readFileSync(snapshot)).toEqual(sealed);
		expect(readFileSync(csv, 'utf8')).toBe(released);
	});
});

describe('office commands', { timeout: 60_000 }, () => {
	it.each([
		['scripts/new-quarter.ts', 'npm run new:quarter'],
		['scripts/report.ts', 'npm run report'],
		['scripts/validate.ts', '--fix'],
		['scripts/docs.ts', 'npm run docs'],
		['scripts/release.ts', 'npm run release'],
		['scripts/recompute.ts', 'npm run recompute'],
	])('%s --help explains itself in Chinese', (script, expected) => {
		const r = run(script, join(FIXTURES, 'valid'), '--help');
		expect(r.status).toBe(0);
		expect(r.stdout).toContain('用法：');
		expect(r.stdout).toContain(expected);
		expect(existsSync(join(FIXTURES, 'cache'))).toBe(false);
	});
});
