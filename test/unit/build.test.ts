/**
 * `npm run build` never publishes something wrong: a failed or stopped build leaves the previous site byte for byte,
 * a dangerous OUT_DIR is refused before anything is deleted, and two builds at once each publish their own site.
 * These run the real build on the small valid fixture, so each takes seconds: timeouts are sized for a loaded
 * two-core machine.
 */
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import {
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { stripVTControlCharacters } from 'node:util';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FIXTURES, treeHashes } from '../helpers/files.ts';
import { epochOf } from '../helpers/build-site.ts';
import { buildPaths } from '../../scripts/lib/build-paths.ts';

const root = resolve(import.meta.dirname, '..', '..');
const BUILD_TIMEOUT = 240_000;

/** A work folder with a copy of the valid fixture as `data/`, and a previous site in `site/`. */
function workspace(): { work: string; data: string; site: string } {
	const work = mkdtempSync(join(tmpdir(), 'xy-build-'));
	const data = join(work, 'data');
	cpSync(join(FIXTURES, 'valid'), data, { recursive: true });
	const site = join(work, 'site');
	mkdirSync(join(site, 'data'), { recursive: true });
	writeFileSync(join(site, 'index.html'), '<!doctype html><title>上一次发布的网站</title>');
	writeFileSync(join(site, 'data', 'datapackage.json'), '{"name":"previous"}');
	writeFileSync(join(site, 'data', 'grades.csv'), '\ufeffid,score\nt1,91.5\n');
	return { work, data, site };
}

const envFor = (w: { work: string; data: string; site: string }, extra: Record<string, string> = {}) => ({
	...process.env,
	SOURCE_DATE_EPOCH: epochOf('2026-11-22'),
	DATA_DIR: w.data,
	OUT_DIR: w.site,
	CACHE_DIR: join(w.work, 'cache'),
	...extra,
});

/** Processes still running whose environment carries this build id. */
function processesOf(buildId: string): string[] {
	const found: string[] = [];
	for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
		try {
			if (readFileSync(`/proc/${pid}/environ`, 'latin1').includes(`XINYONG_BUILD_ID=${buildId}\0`))
				found.push(readFileSync(`/proc/${pid}/cmdline`, 'latin1').replace(/\0/g, ' '));
		} catch {
			// Gone meanwhile, or not ours to read.
		}
	}
	return found;
}

/**
 * Starts the build; `reached` resolves true once its output matches `until` (by default: the astro stage runs), false
 * when the build ends before that. Astro colours its log when CI is set, so the colour codes are taken out first.
 */
function startBuild(env: NodeJS.ProcessEnv, until = /^生成网站……$/m) {
	const child = spawn('node', ['scripts/build.ts'], { cwd: root, env });
	let output = '';
	const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
	const reached = new Promise<boolean>((done) => {
		const watch = (b: Buffer) => {
			output += b.toString();
			if (until.test(stripVTControlCharacters(output))) done(true);
		};
		child.stdout.on('data', watch);
		child.stderr.on('data', watch);
	});
	return { child, exited, reached: Promise.race([reached, exited.then(() => false)]), output: () => output };
}

describe('npm run build', () => {
	it(
		'prints the bad row’s path:line:column and leaves the previous site byte for byte when a row is bad',
		() => {
			const w = workspace();
			const before = treeHashes(w.site);
			const units = join(w.data, 'units.csv');
			writeFileSync(units, readFileSync(units, 'utf8').replace('\nt2,镇街,', '\nt2,镇街道办,'));
			const r = spawnSync('node', ['scripts/build.ts'], { cwd: root, env: envFor(w), encoding: 'utf8' });
			expect(r.status).toBe(1);
			expect(r.stdout).toMatch(new RegExp(`${w.data}/units\\.csv:3:2: .*\\(enum-error\\)`));
			expect(r.stderr).toContain(`构建失败：检查数据未通过，没有发布任何内容；${w.site} 保持原样。`);
			expect(treeHashes(w.site)).toEqual(before);
			// No staging folder or lock is left next to the site.
			expect(readdirSync(w.work).sort()).toEqual(['cache', 'data', 'site']);
		},
		BUILD_TIMEOUT,
	);

	it(
		'refuses, after building, a story whose link leads to no page of the site, naming the link’s place',
		() => {
			const w = workspace();
			const before = treeHashes(w.site);
			const story = join(w.data, 'exemplars', 'stories', 'c1.mdx');
			const text = readFileSync(story, 'utf8').replace(/\n*$/, '\n');
			const line = text.split('\n').length;
			// The first link resolves; the second names a unit the data does not have.
			writeFileSync(story, `${text}\n见[评价方法](/methodology/)和[某单位](/units/nosuch/)。\n`);
			const r = spawnSync('node', ['scripts/build.ts'], { cwd: root, env: envFor(w), encoding: 'utf8' });
			expect(r.status).toBe(1);
			expect(r.stderr).toContain(
				`${w.data}/exemplars/stories/c1.mdx:${line + 1}:24: 链接 "/units/nosuch/" 指向本站没有的页面 /units/nosuch/：请改正链接地址（可以在浏览器里打开那一页，从地址栏复制），或删去这个链接 (broken-link)`,
			);
			expect(r.stderr).not.toContain('"/methodology/"');
			expect(r.stderr).toContain(`构建失败：核对发布结果未通过，没有发布任何内容；${w.site} 保持原样。`);
			expect(treeHashes(w.site)).toEqual(before);
		},
		BUILD_TIMEOUT,
	);

	it(
		'passes on no stack trace when a stage fails inside itself, and says whose problem it is',
		() => {
			const w = workspace();
			const before = treeHashes(w.site);
			// Astro's cache folder cannot be made (a file is in the way): Astro fails with its own message, the place in
			// its source (Location:) and a Stack trace:.
			writeFileSync(join(w.work, 'not-a-folder'), '');
			const env = envFor(w, { ASTRO_CACHE_DIR: join(w.work, 'not-a-folder', 'astro') });
			const r = spawnSync('node', ['scripts/build.ts'], {
				cwd: root,
				env: { ...env, DEBUG: '' },
				encoding: 'utf8',
			});
			const output = stripVTControlCharacters(r.stdout + r.stderr);
			expect(r.status).toBe(1);
			expect(output).toContain('ENOTDIR: not a directory');
			expect(output).not.toMatch(/^\s+at |Stack trace:|Location:|node_modules\/astro\/dist/m);
			// Not the program's problem here but the folders': what the office can do about it, in Chinese (the
			// system's own message is English).
			expect(output).toMatch(/（省略了 \d+ 行程序内部的调用位置；原因和处理办法见下文。）/);
			expect(r.stderr).toContain(
				'应当是文件夹的地方有一个同名的文件（ENOTDIR）：请检查 OUT_DIR、CACHE_DIR、ASTRO_CACHE_DIR',
			);
			expect(r.stderr).toContain(`构建失败：生成网站未通过，没有发布任何内容；${w.site} 保持原样。`);
			expect(treeHashes(w.site)).toEqual(before);
			// The developer who sets DEBUG=1 sees it whole.
			const debug = spawnSync('node', ['scripts/build.ts'], {
				cwd: root,
				env: { ...env, DEBUG: '1' },
				encoding: 'utf8',
			});
			expect(stripVTControlCharacters(debug.stdout + debug.stderr)).toMatch(/Stack trace:\n\s+at /);
		},
		BUILD_TIMEOUT,
	);

	it(
		'stopped with SIGTERM in its astro stage, leaves the previous site byte for byte and no process running',
		async () => {
			const w = workspace();
			const before = treeHashes(w.site);
			const id = `test-sigterm-${process.pid}`;
			const { child, reached, exited, output } = startBuild(envFor(w, { XINYONG_BUILD_ID: id }));
			// A build that ends before its astro stage says so (with its output) rather than waiting out the timeout.
			expect(await reached, output()).toBe(true);
			child.kill('SIGTERM');
			expect(await exited).toBe(143);
			expect(output()).toContain(`构建已中止（SIGTERM），${w.site} 保持原样，没有发布任何内容。`);
			expect(processesOf(id)).toEqual([]);
			expect(treeHashes(w.site)).toEqual(before);
			expect(readdirSync(w.work).sort()).toEqual(['cache', 'data', 'site']);
		},
		BUILD_TIMEOUT,
	);

	it(
		'gives every stage the as-of date the build started on, also when it runs past midnight in Shanghai',
		() => {
			const w = workspace();
			// The build starts one second before midnight on 2026-11-22 in Shanghai (its own clock only: the stages it
			// starts read the real clock, days later). Each stage reading the clock itself scored for one day and
			// rendered for another, and the build failed.
			const beforeMidnight = Date.UTC(2026, 10, 22, 15, 59, 59);
			const r = spawnSync(
				'node',
				['--import', `data:text/javascript,Date.now=()=>${beforeMidnight}`, 'scripts/build.ts'],
				// As on a machine's first build, outside CI: Astro told its telemetry in English there.
				{
					cwd: root,
					env: envFor(w, { SOURCE_DATE_EPOCH: '', XDG_CONFIG_HOME: join(w.work, 'config'), CI: 'false' }),
					encoding: 'utf8',
				},
			);
			expect(r.status, r.stdout + r.stderr).toBe(0);
			const home = readFileSync(join(w.site, 'index.html'), 'utf8');
			expect(home.match(/<meta name="PubDate" content="([^"]*)">/)?.[1]).toBe('2026-11-22');
			expect(readFileSync(join(w.site, 'data', 'datapackage.json'), 'utf8')).toContain('2026-11-22');
			// What it printed: the stages' lines and Astro's count of pages in Chinese, not a line per page nor Astro's
			// account of its steps in English.
			// The Chinese twins of the open data and the accounting (background stages) may end beside it, and say so
			// when they are done; no other stage does.
			expect(r.stdout).toMatch(
				/^生成网站……\n(?:(?:✓ (?:写出中文表头的 CSV|核对数据去向)（.*|[^✓\n].*|)\n)*生成了 \d+ 个页面。\n✓ 生成网站（/m,
			);
			expect(r.stdout).not.toMatch(
				/[├└]─ \/|^\s*\(\+\d+ms\)|page\(s\) built|\[build\]|\[vite\]|\.building-|telemetry|usage data/m,
			);
			// Astro's warning that came on the same line as a page's start is there.
			expect(r.stdout).toContain('[WARN] [content] The collection "policies" does not exist or is empty.');
		},
		BUILD_TIMEOUT,
	);

	it(
		'publishes nothing when a data file is saved while the checks run, naming the file, and leaves the previous site',
		() => {
			const w = workspace();
			const before = treeHashes(w.site);
			// WPS saves the file again just as the first stage starts (the build's own clock and spawn, patched in the
			// build's process only): the checks may have read either version, and the stages after them find the
			// snapshot current. Only the listing the build took before its first stage tells.
			const names = join(w.data, 'unit-names.csv');
			const hook = join(w.work, 'save-at-first-stage.mjs');
			writeFileSync(
				hook,
				[
					"import cp from 'node:child_process';",
					"import { syncBuiltinESMExports } from 'node:module';",
					"import { utimesSync } from 'node:fs';",
					'const spawn = cp.spawn;',
					'let saved = false;',
					'cp.spawn = function (...args) {',
					'\tif (!saved) {',
					'\t\tsaved = true;',
					'\t\tconst later = new Date(Date.now() + 60_000);',
					`\t\tutimesSync(${JSON.stringify(names)}, later, later);`,
					'\t}',
					'\treturn spawn.apply(this, args);',
					'};',
					'syncBuiltinESMExports();',
				].join('\n'),
			);
			const r = spawnSync('node', ['--import', pathToFileURL(hook).href, 'scripts/build.ts'], {
				cwd: root,
				env: envFor(w),
				encoding: 'utf8',
			});
			expect(r.status, r.stdout + r.stderr).toBe(1);
			expect(r.stderr).toContain(`${w.data}/unit-names.csv：构建期间改动过`);
			expect(r.stderr).toContain('网站可能混用了改动前后的数据，所以不发布');
			expect(r.stderr).toContain(`构建失败：核对数据目录未通过，没有发布任何内容；${w.site} 保持原样。`);
			expect(treeHashes(w.site)).toEqual(before);
			expect(readdirSync(w.work).sort()).toEqual(['cache', 'data', 'save-at-first-stage.mjs', 'site']);
		},
		BUILD_TIMEOUT,
	);

	it(
		'stops when a data file is saved while the site is built, naming the file, and leaves the previous site',
		async () => {
			const w = workspace();
			const before = treeHashes(w.site);
			const { reached, exited, output: printed } = startBuild(envFor(w));
			expect(await reached, printed()).toBe(true);
			// Validation has passed; the clerk now corrects a unit's name and saves. The site being built has the
			// checked scores and the unchecked name side by side (or the old name): neither may go public.
			const names = join(w.data, 'unit-names.csv');
			writeFileSync(names, readFileSync(names, 'utf8').replace('甲镇', '甲镇（改）'));
			expect(await exited).toBe(1);
			const output = stripVTControlCharacters(printed());
			expect(output).toContain(`${w.data}/unit-names.csv：构建期间改动过`);
			// Whether a stage still reads the data after the save (it stops) or not (the build refuses at the end).
			expect(output).toMatch(/网站可能混用了改动前后的数据，所以不发布|这可能就是构建失败的原因/);
			expect(output).toContain('构建失败：');
			expect(output).not.toContain('网站已发布到');
			expect(treeHashes(w.site)).toEqual(before);
			expect(readdirSync(w.work).sort()).toEqual(['cache', 'data', 'site']);
		},
		BUILD_TIMEOUT,
	);

	it(
		'names a data file removed while it runs when a later stage fails on it',
		async () => {
			const w = workspace();
			const before = treeHashes(w.site);
			const { reached, exited, output: printed } = startBuild(envFor(w), /✓ 检查数据/);
			expect(await reached, printed()).toBe(true);
			// The photo passed the checks; the stages after them no longer find it.
			rmSync(join(w.data, 'exemplars', 'photos', 'c1.jpg'));
			expect(await exited).toBe(1);
			const output = stripVTControlCharacters(printed());
			expect(output).toContain(`${w.data}/exemplars/photos/c1.jpg：构建期间删除`);
			expect(output).toContain('这可能就是构建失败的原因');
			// The next stage stops at once rather than validating the folder again on its own.
			expect(output).toContain('检查数据之后，数据目录里有文件被保存、新增或删除，这次构建不再继续');
			expect(output).not.toContain('missing-file');
			expect(treeHashes(w.site)).toEqual(before);
		},
		BUILD_TIMEOUT,
	);

	it('refuses a second build into an output folder a running build is using, naming the process', () => {
		const w = workspace();
		const before = treeHashes(w.site);
		// This test process stands for the running build: its id is in the output folder's lock file.
		writeFileSync(join(w.work, '.site.build.lock'), String(process.pid));
		const r = spawnSync('node', ['scripts/build.ts'], { cwd: root, env: envFor(w), encoding: 'utf8' });
		expect(r.status).toBe(2);
		expect(r.stderr).toContain(
			`构建被拒绝：另一个构建（进程 ${process.pid}）正在使用输出目录 ${w.site}；请等它结束，或为本次构建另设 OUT_DIR 和 CACHE_DIR。没有删除或改动任何文件。`,
		);
		expect(treeHashes(w.site)).toEqual(before);
		// A lock left by a build that no longer runs is taken over: the build goes ahead (and fails on its data).
		writeFileSync(join(w.work, '.site.build.lock'), '999999999');
		const units = join(w.data, 'units.csv');
		writeFileSync(units, readFileSync(units, 'utf8').replace('\nt2,镇街,', '\nt2,镇街道办,'));
		const again = spawnSync('node', ['scripts/build.ts'], { cwd: root, env: envFor(w), encoding: 'utf8' });
		expect(again.status).toBe(1);
	});

	it('refuses, in Chinese and without a stack trace, an OUT_DIR or CACHE_DIR whose folder cannot be made', () => {
		const w = workspace();
		// A file where the folder should be: what a folder without write permission gives too (EACCES), as the office's user.
		writeFileSync(join(w.work, 'file'), 'x');
		for (const [env, said] of [
			[
				{ OUT_DIR: join(w.work, 'file', 'site') },
				`构建被拒绝：无法为输出目录 ${w.work}/file/site 建立锁文件。${w.work}/file：`,
			],
			[
				{ CACHE_DIR: join(w.work, 'file', 'cache') },
				`构建被拒绝：无法为中间文件目录 ${w.work}/file/cache 建立锁文件。${w.work}/file/cache：`,
			],
		] as const) {
			const r = spawnSync('node', ['scripts/build.ts'], { cwd: root, env: envFor(w, env), encoding: 'utf8' });
			expect(r.status).toBe(2);
			expect(r.stderr).toContain(said);
			expect(r.stderr).toContain('应当是文件夹的地方有一个同名的文件（ENOTDIR）');
			expect(r.stderr).not.toMatch(/^\s+at |Error|node:/m);
		}
	});

	it('refuses a malformed SOURCE_DATE_EPOCH before any stage, in one Chinese line', () => {
		const w = workspace();
		const r = spawnSync('node', ['scripts/build.ts'], {
			cwd: root,
			env: envFor(w, { SOURCE_DATE_EPOCH: '2026-11-22' }),
			encoding: 'utf8',
		});
		expect(r.status).toBe(2);
		expect(r.stderr).toBe(
			'构建被拒绝：SOURCE_DATE_EPOCH 应为整数秒数，而不是 "2026-11-22"。没有删除或改动任何文件。\n',
		);
		expect(r.stdout).toBe('');
	});

	it('refuses OUT_DIR=data and OUT_DIR=. before deleting anything', () => {
		const w = workspace();
		const data = treeHashes(w.data);
		const intoData = spawnSync('node', ['scripts/build.ts'], {
			cwd: root,
			env: envFor(w, { OUT_DIR: w.data }),
			encoding: 'utf8',
		});
		expect(intoData.status).toBe(2);
		expect(intoData.stderr).toContain(
			`构建被拒绝：输出目录 ${w.data} 就是数据目录（DATA_DIR）${w.data}；请把 OUT_DIR 设为单独的输出目录（默认 dist/）。没有删除或改动任何文件。`,
		);
		expect(treeHashes(w.data)).toEqual(data);
		const intoProject = spawnSync('node', ['scripts/build.ts'], {
			cwd: root,
			env: envFor(w, { OUT_DIR: '.' }),
			encoding: 'utf8',
		});
		expect(intoProject.status).toBe(2);
		expect(intoProject.stderr).toContain('构建被拒绝：输出目录 . 就是项目目录，或包含整个项目');
		expect(existsSync(join(root, 'package.json'))).toBe(true);
	});

	it(
		'builds two data folders at once from one checkout, each into its own site, and the same bytes into an OUT_DIR on another file system (a tmpfs, a mounted web root)',
		async () => {
			const build = (w: { work: string; data: string; site: string }, site = w.site) => {
				const child = spawn('node', ['scripts/build.ts'], {
					cwd: root,
					// Each with the default cache folder for its OUT_DIR, as an office machine would run them.
					env: { ...envFor(w), OUT_DIR: site, CACHE_DIR: '' },
				});
				// Kept for the failure message: one of the three builds failed once in a full run, and said nothing.
				let output = '';
				child.stdout.on('data', (d: Buffer) => (output += d));
				child.stderr.on('data', (d: Buffer) => (output += d));
				return new Promise<{ code: number | null; site: string; output: string }>((done) =>
					child.on('close', (code) => done({ code, site, output })),
				);
			};
			const named = (name: string) => {
				const w = workspace();
				const names = join(w.data, 'unit-names.csv');
				writeFileSync(names, readFileSync(names, 'utf8').replace('甲镇', `甲镇${name}`));
				return w;
			};
			const [wa, wb] = [named('（甲）'), named('（乙）')];
			// /dev/shm is a tmpfs on Debian: Astro's rename() from its work folder into the site failed there (EXDEV).
			// The same data folder as the first build, built beside it into another file system.
			const shm = mkdtempSync('/dev/shm/xy-build-');
			try {
				expect(statSync(shm).dev).not.toBe(statSync(root).dev);
				const [a, b, far] = await Promise.all([build(wa), build(wb), build(wa, join(shm, 'site'))]);
				for (const { site } of [a, b, far])
					rmSync(buildPaths({ OUT_DIR: site }, root, root, '').cacheDir, { recursive: true, force: true });
				expect(
					[a.code, b.code, far.code],
					[a, b, far].map((x) => x.output.slice(-3000)).join('\n----\n'),
				).toEqual([0, 0, 0]);
				const page = (site: string) => readFileSync(join(site, 'units', 't1', 'index.html'), 'utf8');
				expect(page(a.site)).toContain('甲镇（甲）');
				expect(page(a.site)).not.toContain('甲镇（乙）');
				expect(page(b.site)).toContain('甲镇（乙）');
				expect(page(b.site)).not.toContain('甲镇（甲）');
				expect(treeHashes(far.site)).toEqual(treeHashes(a.site));
				// Nothing is left beside the site (the project's work folder may hold other builds' running now).
				expect(readdirSync(shm)).toEqual(['site']);
			} finally {
				rmSync(shm, { recursive: true, force: true });
			}
			// The published site holds exactly the rows the accounting counts: a pledge taken out of the built open data
			// is found by the check the build runs after the site is built.
			const verify = (site: string) =>
				spawnSync('node', ['scripts/account.ts', '--verify', site], {
					cwd: root,
					env: { ...envFor({ work: dirname(site), data: join(dirname(site), 'data'), site }) },
					encoding: 'utf8',
				});
			expect(verify(wa.site).status).toBe(0);
			const pledges = join(wa.site, 'data', 'pledges.json');
			const published = JSON.parse(readFileSync(pledges, 'utf8')) as object[];
			const fewer = JSON.stringify(published.slice(1));
			writeFileSync(pledges, fewer);
			const r = verify(wa.site);
			expect(r.status).toBe(1);
			expect(r.stderr).toContain(
				`✗ ${join(dirname(wa.site), 'data')}/pledges.csv：数据去向记为发布 1 行，网站上实际有 0 行`,
			);
			// A row more than counted is found too: the site holding a row the accounting withheld is the worse case.
			writeFileSync(pledges, JSON.stringify([...published, { ...published[0], id: 'extra' }]));
			const more = verify(wa.site);
			expect(more.status).toBe(1);
			expect(more.stderr).toContain('数据去向记为发布 1 行，网站上实际有 2 行');
			writeFileSync(pledges, fewer);

			// Within one build, the check compares the site with the figures the accounting stage printed and handed
			// over (it need not hold the evidence rows again): here a hand-over that counts no pledge agrees with the
			// site above, and only that build's check reads it.
			const cache = join(dirname(wa.site), 'handover-cache');
			const stage = (args: string[], build: string, script = 'scripts/account.ts') =>
				spawnSync('node', [script, ...args], {
					cwd: root,
					env: {
						...envFor({ work: dirname(wa.site), data: join(dirname(wa.site), 'data'), site: wa.site }),
						CACHE_DIR: cache,
						XINYONG_BUILD_ID: build,
					},
					encoding: 'utf8',
				});
			expect(stage([], 'build-1').status).toBe(0);
			const handed = join(cache, 'accounts.json');
			const saved = JSON.parse(readFileSync(handed, 'utf8'));
			const pledgeAccount = saved.accounts.find((x: { file: string }) => x.file.endsWith('/pledges.csv'));
			expect(pledgeAccount.published).toBe(1);
			pledgeAccount.published = 0;
			writeFileSync(handed, JSON.stringify(saved));
			expect(stage(['--verify', wa.site], 'build-1').status).toBe(0);
			expect(stage(['--verify', wa.site], 'build-2').status).toBe(1);

			// The evidence files: the check takes the rows the 写出开放数据 stage of the same build counted when the site's
			// file is, byte for byte, the file that stage wrote, and counts a file that differs itself.
			expect(stage(['--quiet'], 'build-1', 'scripts/score.ts').status).toBe(0);
			for (const part of ['evidence', 'grades'])
				expect(stage(['--part', part], 'build-1', 'scripts/opendata.ts').status).toBe(0);
			expect(stage(['--verify', wa.site], 'build-1').status).toBe(0);
			const evidence = join(wa.site, 'data', 'evidence');
			const quarterFile = readdirSync(evidence).find((f) => /^\d{4}-Q[1-4]\.json$/.test(f))!;
			const evidenceRows = JSON.parse(readFileSync(join(evidence, quarterFile), 'utf8')) as object[];
			expect(evidenceRows.length).toBeGreaterThan(1);
			writeFileSync(join(evidence, quarterFile), JSON.stringify(evidenceRows.slice(1), null, 1));
			const dropped = stage(['--verify', wa.site], 'build-1');
			expect(dropped.status).toBe(1);
			expect(dropped.stderr).toContain(
				`数据去向记为发布 ${evidenceRows.length} 行，网站上实际有 ${evidenceRows.length - 1} 行`,
			);
		},
		BUILD_TIMEOUT,
	);
});
