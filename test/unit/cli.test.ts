import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FIXTURES } from '../helpers/files.ts';

const root = resolve(import.meta.dirname, '..', '..');
const run = (script: string, env: Record<string, string>) =>
	spawnSync('node', [script], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' });

/** A copy of the valid fixture in a temporary folder, with one file replaced. */
function brokenCopy(): string {
	const dir = join(mkdtempSync(join(tmpdir(), 'xy-data-')), 'data');
	cpSync(join(FIXTURES, 'valid'), dir, { recursive: true });
	writeFileSync(
		join(dir, 'units.csv'),
		'单位编号,类别,设立日期,撤销日期,并入单位,备注\nt1,镇街,,,,\nt2,镇,,,,\na1,A类部,,,,\nb1,B类,2022/01/01,,,\n',
	);
	return dir;
}

describe('npm run validate', { timeout: 60_000 }, () => {
	it('says in one line that the folder DATA_DIR names is not there, instead of every file missing', () => {
		const r = run('scripts/validate.ts', { DATA_DIR: '/nonexistent/data' });
		expect(r.status).toBe(2);
		expect(r.stderr.trim()).toBe(
			'找不到数据目录 /nonexistent/data（环境变量 DATA_DIR 所指）；请检查路径，或在项目的文件夹中运行命令。',
		);
		expect(r.stdout).toBe('');
		// A file named instead of its folder, as a clerk pasting a path may: said so, not read as a folder.
		const file = join(FIXTURES, 'valid', 'units.csv');
		const f = run('scripts/validate.ts', { DATA_DIR: file });
		expect(f.status).toBe(2);
		expect(f.stderr.trim()).toBe(
			`找不到数据目录 ${file}（环境变量 DATA_DIR 所指）：它是一个文件，不是文件夹；请检查路径，或在项目的文件夹中运行命令。`,
		);
	});
	it('reads the folder DATA_DIR names and exits 0 when it is clean', () => {
		const r = run('scripts/validate.ts', { DATA_DIR: join(FIXTURES, 'valid') });
		expect(r.status).toBe(0);
		expect(r.stdout).toContain('共 0 个错误，0 个警告。');
		expect(r.stdout).toContain('test/fixtures/valid/');
	});
	it('lists every problem as path:line:column, counts them per code and exits 1', () => {
		const dir = brokenCopy();
		const r = run('scripts/validate.ts', { DATA_DIR: dir });
		expect(r.status).toBe(1);
		const lines = r.stdout.split('\n');
		expect(lines).toContain(
			`${dir}/units.csv:4:2: 第 4 行第 2 列（类别）："A类部" 不是允许的值，应为 镇街（town）、园区（park）、A类（A）、B类（B） 之一 (enum-error)`,
		);
		expect(lines).toContain(
			`${dir}/units.csv:5:3: 第 5 行第 3 列（设立日期）：日期 "2022/01/01" 格式不对，应写作 2022-01-01（年-月-日；可运行 npm run validate -- --fix 自动修正） (date-format)`,
		);
		expect(lines).toContain('  date-format: 1');
		expect(lines).toContain('  enum-error: 1');
		expect(lines).toContain('共 2 个错误，0 个警告。');
		// The last line says which problems --fix corrects: here the date written 2022/01/01.
		expect(lines).toContain(
			'其中 1 个（全角字符、日期写法、文件编码、表头最后的空列）可以自动修正：运行 npm run validate -- --fix，逐条列出改动后再检查一遍。',
		);
		// "镇" is an accepted alias of 镇街, so line 3 is fine.
		expect(r.stdout).not.toContain('units.csv:3:');
	});
});

describe('npm run validate on a released quarter changed without a correction', { timeout: 60_000 }, () => {
	it('reports it as the build would, so that a clean validate means the build passes', () => {
		// The fixture's 2022-Q1 is released and sealed; t1's 诚信“五进” activities (3.6) counted 5 times instead of 3.
		const dir = join(mkdtempSync(join(tmpdir(), 'xy-data-')), 'data');
		cpSync(join(FIXTURES, 'valid'), dir, { recursive: true });
		const file = join(dir, 'evidence', '2022-Q1.csv');
		const text = readFileSync(file, 'utf8');
		expect(text).toContain('e2,t1,3.6,事项,2022-02-10,3,');
		writeFileSync(file, text.replace('e2,t1,3.6,事项,2022-02-10,3,', 'e2,t1,3.6,事项,2022-02-10,5,'));
		const r = run('scripts/validate.ts', { DATA_DIR: dir });
		expect(r.status).toBe(1);
		expect(r.stdout.split('\n').filter((l) => l.endsWith('(unexplained-change)'))).toEqual([
			expect.stringMatching(
				new RegExp(
					`^${dir}/releases/releases\\.csv:2:1: 2022-Q1 已发布的评价结果有 2 处变化，但没有更正记录：`,
				),
			),
		]);
		expect(r.stdout).toContain('共 1 个错误，0 个警告。');
	});
});

describe('a data file saved while a command reads the folder', { timeout: 60_000 }, () => {
	/** Runs a script with fs.readFileSync patched in its process: reading unit-names.csv also saves it again, as WPS
	 *  does by itself, so the command has read one version and the folder holds another. */
	function savedWhileRead(script: string, ...args: string[]) {
		const dir = join(mkdtempSync(join(tmpdir(), 'xy-saved-')), 'data');
		cpSync(join(FIXTURES, 'valid'), dir, { recursive: true });
		const hook = join(dir, '..', 'save-when-read.mjs');
		writeFileSync(
			hook,
			[
				"import fs from 'node:fs';",
				"import { syncBuiltinESMExports } from 'node:module';",
				'const read = fs.readFileSync;',
				'let saved = false;',
				'fs.readFileSync = function (path, ...rest) {',
				'\tconst bytes = read.call(this, path, ...rest);',
				"\tif (!saved && String(path).endsWith('unit-names.csv')) {",
				'\t\tsaved = true;',
				'\t\tconst later = new Date(Date.now() + 60_000);',
				'\t\tfs.utimesSync(path, later, later);',
				'\t}',
				'\treturn bytes;',
				'};',
				'syncBuiltinESMExports();',
			].join('\n'),
		);
		const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dir, SOURCE_DATE_EPOCH: '1671667200' };
		delete env.XINYONG_BUILD_ID;
		const r = spawnSync('node', ['--import', pathToFileURL(hook).href, script, ...args], {
			cwd: root,
			env,
			encoding: 'utf8',
		});
		return { r, dir };
	}

	it('npm run validate names the file, says the result may mix both versions, and exits 1', () => {
		const { r, dir } = savedWhileRead('scripts/validate.ts');
		// The data itself is clean …
		expect(r.stdout).toContain('共 0 个错误，0 个警告。');
		// … but the checks may have read it before and the rest of the folder after.
		expect(r.stderr.split('\n')).toEqual([
			`${dir}/unit-names.csv：检查期间改动过`,
			'检查期间数据目录里有 1 个文件被保存、新增或删除（表格软件的自动保存也算），上面的结果可能混用了改动前后的内容。请保存好全部文件后再运行一次 npm run validate。',
			'',
		]);
		expect(r.status).toBe(1);
	});

	it('npm run report does too', () => {
		const { r, dir } = savedWhileRead('scripts/report.ts', '2022-Q1');
		expect(r.stdout).toContain('2022');
		expect(r.stderr).toContain(`${dir}/unit-names.csv：汇总期间改动过`);
		expect(r.status).toBe(1);
	});
});

describe('npm run validate on hostile files', { timeout: 60_000 }, () => {
	it('reports each as a located Chinese error and never prints a stack trace', () => {
		const dir = join(mkdtempSync(join(tmpdir(), 'xy-hostile-cli-')), 'data');
		cpSync(join(FIXTURES, 'valid'), dir, { recursive: true });
		symlinkSync(join(dir, '..', 'gone.csv'), join(dir, 'evidence', '2022-Q2.csv'));
		writeFileSync(join(dir, 'rubrics', '2022.json'), '['.repeat(100_000));
		const story = readFileSync(join(dir, 'exemplars', 'stories', 'c1.mdx'), 'utf8');
		writeFileSync(join(dir, 'exemplars', 'stories', 'c1.mdx'), `${story}\n${'>'.repeat(6000)} 引用\n`);
		writeFileSync(join(dir, 'site.json'), new Uint8Array([0x7b, 0x82, 0xa0, 0x00, 0xff, 0x7d]));
		const r = run('scripts/validate.ts', { DATA_DIR: dir });
		expect(r.status).toBe(1);
		expect(r.stderr).toBe('');
		const located = r.stdout
			.split('\n')
			.filter((l) => l.startsWith(dir))
			.map((l) => l.slice(dir.length));
		for (const start of [
			'/evidence/2022-Q2.csv:1:1: 是符号链接',
			'/exemplars/stories/c1.mdx:94:1: 列表或引用嵌套过深',
			'/rubrics/2022.json:1:33: JSON 的对象、数组嵌套超过 32 层',
			'/site.json:1:1: 文件含有空字节（NUL），不是文本文件',
		])
			expect(
				located.some((l) => l.startsWith(start)),
				start,
			).toBe(true);
		expect(r.stdout).not.toMatch(/\n\s+at /);
	});
});

describe('npm run build', { timeout: 60_000 }, () => {
	it('publishes nothing when the data has an error', () => {
		const dir = brokenCopy();
		const out = join(dir, '..', 'dist');
		const r = run('scripts/build.ts', {
			DATA_DIR: dir,
			OUT_DIR: out,
			CACHE_DIR: join(dir, '..', 'cache'),
			ASTRO_CACHE_DIR: join(dir, '..', 'astro'),
		});
		expect(r.status).toBe(1);
		expect(r.stderr).toContain(`构建失败：检查数据未通过，没有发布任何内容；${out} 保持原样。`);
		// Every problem is printed, as npm run validate prints it.
		expect(r.stdout).toContain(`${dir}/units.csv:4:2: 第 4 行第 2 列（类别）："A类部" 不是允许的值`);
		expect(existsSync(out)).toBe(false);
	});
});
