/**
 * What a build stage prints reaches the office without a stack trace (scripts/lib/stage-output.ts): the lines of one
 * are left out, counted, and kept with DEBUG=1; everything else passes as it came, whatever the chunks.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	astroLine,
	isStackLine,
	stackFilter,
	stackNote,
	systemHints,
	systemProblem,
	withoutPageProgress,
} from '../../scripts/lib/stage-output.ts';

/** What Astro printed when it could not make its cache folder (2026-12-01), and lines around it. */
const ASTRO_FAILURE = [
	'15:21:39 [content] Syncing content',
	"ENOTDIR: not a directory, mkdir '/tmp/afile/astro/'",
	'  Location:',
	'    /work/main/node_modules/astro/dist/content/content-layer.js:269:5',
	'  Stack trace:',
	'    at async Object.mkdir (node:internal/fs/promises:1564:10)',
	'    at async run (file:///work/main/node_modules/p-queue/dist/index.js:406:36)',
	'',
].join('\n');

/** Lines of our own stages that look a little like those and must pass. */
const OURS = [
	'      不公开 1 行：候选人处于"信用审查中"：公示开始前或资格取消的候选人不公开（SPEC 2）',
	'  ✓ data/evidence/2022-Q1.csv：929 = 929 + 0 + 0',
	'data/units.csv:3:2: 第 3 行第 2 列（类别）："镇街道办" 不是可选的值 (enum-error)',
	'Location: 淮安区',
	'  attention: at 10:00',
	'',
].join('\n');

function run(text: string, chunk: number, keep = false, tidy?: (line: string) => string | undefined) {
	let out = '';
	const f = stackFilter((t) => (out += t), keep, tidy);
	for (let i = 0; i < text.length; i += chunk) f.push(text.slice(i, i + chunk));
	f.end();
	return { out, dropped: f.dropped };
}

describe('stage output', () => {
	it('leaves out the stack trace and the place in the source, and keeps the message', () => {
		expect(run(ASTRO_FAILURE, 1 << 20)).toEqual({
			out: "15:21:39 [content] Syncing content\nENOTDIR: not a directory, mkdir '/tmp/afile/astro/'\n",
			dropped: 5,
		});
	});

	it('leaves out what Node prints around an error nothing caught: the place, the source line, its caret, its version', () => {
		// A stage run with SOURCE_DATE_EPOCH=abc (2026-12-03): the office saw the line of code that threw.
		const uncaught = [
			'file:///work/main/src/lib/asof.ts:29',
			'\t\tif (!/^\\d+$/.test(epoch)) throw new Error(`SOURCE_DATE_EPOCH 应为整数秒数，而不是 "${epoch}"`);',
			'\t\t                                ^',
			'',
			'Error: SOURCE_DATE_EPOCH 应为整数秒数，而不是 "abc"',
			'    at asOfDate (file:///work/main/src/lib/asof.ts:29:35)',
			'',
			'Node.js v24.21.0',
			'',
		].join('\n');
		for (const chunk of [1, 7, 1 << 20])
			expect(run(uncaught, chunk)).toEqual({
				out: '\nError: SOURCE_DATE_EPOCH 应为整数秒数，而不是 "abc"\n\n',
				dropped: 5,
			});
		// Node's own modules name their place the same way.
		expect(
			run('node:internal/modules/esm/get_format:189\n  throw new ERR_UNKNOWN(ext);\n        ^\n', 1 << 20)
				.out,
		).toBe('');
	});

	it('passes the lines of our own stages as they are', () => {
		expect(run(OURS, 1 << 20)).toEqual({ out: OURS, dropped: 0 });
	});

	it('gives the same lines however the output is cut into chunks, a last line without its line end too', () => {
		const text = OURS + ASTRO_FAILURE + '    at last (file:///x.js:1:2)';
		const whole = run(text, 1 << 20);
		expect(whole.dropped).toBe(6);
		for (const chunk of [1, 2, 3, 7, 50]) expect(run(text, chunk)).toEqual(whole);
		expect(run('最后一行没有换行', 3).out).toBe('最后一行没有换行');
	});

	it('keeps everything for the developer (DEBUG=1)', () => {
		expect(run(ASTRO_FAILURE, 5, true)).toEqual({ out: ASTRO_FAILURE, dropped: 0 });
	});

	it('knows a stack line in colour, and one of Windows', () => {
		expect(isStackLine('\x1b[2m    at run (file:///x.js:1:2)\x1b[22m')).toBe(true);
		expect(isStackLine('    C:\\work\\node_modules\\astro\\dist\\x.js:3:4')).toBe(true);
		expect(isStackLine('\x1b[31mENOTDIR\x1b[39m')).toBe(false);
	});

	it('says in Chinese what the office can do about a full disk, a missing permission or too little memory', () => {
		const hint = (text: string) => systemHints(text).map((h) => h.slice(0, h.indexOf('：')));
		expect(hint('Error: ENOSPC: no space left on device, write')).toEqual(['磁盘空间不足（ENOSPC）']);
		expect(hint("\x1b[31mEACCES: permission denied, open '/srv/dist/index.html'\x1b[39m")).toEqual([
			'没有权限写入或读取某个文件或文件夹（EACCES、EPERM 或只读磁盘）',
		]);
		expect(hint("EROFS: read-only file system, mkdir '/mnt/cd/.cache'")).toHaveLength(1);
		expect(hint(ASTRO_FAILURE)).toEqual(['应当是文件夹的地方有一个同名的文件（ENOTDIR）']);
		expect(hint('FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory')).toEqual(
			['内存不足'],
		);
		// Then the note on the left-out stack does not call it the program's problem; otherwise it does.
		expect(stackNote(5, true)).toBe('（省略了 5 行程序内部的调用位置；原因和处理办法见下文。）');
		expect(stackNote(5)).toContain('这是网站程序的问题，不是数据的问题');
		// The data's own problems and our lines are not the machine's: no hint.
		expect(systemHints(OURS)).toEqual([]);
		expect(systemHints('data/units.csv:2:1: 单位编号 "ENOSPACE1" 不存在 (unknown-unit)')).toEqual([]);
		expect(systemHints('data/evidence/2026-Q3.csv:9:5: 事项 "EACCES" 太短 (too-short)')).toEqual([]);
	});

	it('says a failure of the build script itself in one Chinese line, with the file, never Node’s English', () => {
		// A file where OUT_DIR's folder should be: what taking the build's lock beside it ran into.
		const dir = mkdtempSync(join(tmpdir(), 'xy-problem-'));
		writeFileSync(join(dir, 'file'), 'x');
		let error: unknown;
		try {
			mkdirSync(join(dir, 'file'), { recursive: true });
		} catch (e) {
			error = e;
		}
		expect(systemProblem(error)).toBe(
			`${dir}/file：应当是文件夹的地方有一个同名的文件（ENOTDIR）：请检查 OUT_DIR、CACHE_DIR、ASTRO_CACHE_DIR 所指的路径，再重新运行 npm run build。`,
		);
		// The swap of the finished site into an OUT_DIR that is a mount point.
		const busy = Object.assign(
			new Error("EBUSY: resource busy or locked, rename '/srv/www' -> '/srv/.www.old-1-2'"),
			{
				code: 'EBUSY',
				path: '/srv/www',
				dest: '/srv/.www.old-1-2',
			},
		);
		expect(systemProblem(busy)).toMatch(
			/^\/srv\/www → \/srv\/\.www\.old-1-2：文件夹正被占用，或是一个挂载点（EBUSY）/,
		);
		// Anything else: its code, and where the developer finds the details.
		const other = Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
		expect(systemProblem(other)).toBe(
			'构建脚本出错（EIO）：请重新运行 npm run build；仍然出错时，请把 DEBUG=1 npm run build 的输出交给网站的维护人员。',
		);
		expect(systemProblem(new TypeError("Cannot read properties of undefined (reading 'x')"))).toBe(
			'构建脚本出错：请重新运行 npm run build；仍然出错时，请把 DEBUG=1 npm run build 的输出交给网站的维护人员。',
		);
	});

	it('leaves out Astro’s line for each page it writes, also when four pages’ lines run together', () => {
		const progress = [
			' generating static routes ',
			'17:17:05   ├─ /404.html17:17:05   ├─ /charts/grades-2026-Q3.csv17:17:05   ├─ /charts/unit-bb-scores.csv (+36ms) ',
			'17:17:05   ├─ /charts/unit-cl-scores.csv (+38ms) ',
			' (+31ms) ',
			'\x1b[2m15:46:38\x1b[22m   └─ /units/u0120/index.html \x1b[2m(+27ms)\x1b[22m',
			'17:24:15   ├─ /sitemap/index.html17:24:15 [WARN] [content] The collection "policies" does not exist or is empty.',
			'15:46:38 ✓ Completed in 18.10s.',
			'',
			'15:46:38 [build] 5740 page(s) built in 24.56s',
			'',
		].join('\n');
		expect(run(progress, 7)).toEqual({
			out: [
				' generating static routes ',
				// A warning after a page's start keeps its place.
				'[WARN] [content] The collection "policies" does not exist or is empty.',
				'15:46:38 ✓ Completed in 18.10s.',
				'',
				'15:46:38 [build] 5740 page(s) built in 24.56s',
				'',
			].join('\n'),
			dropped: 0,
		});
		// Kept for the developer, and nothing of our lines or of the data's problems is taken for it.
		expect(run(progress, 7, true).out).toBe(progress);
		expect(run(OURS, 3).out).toBe(OURS);
		const problem = 'data/units.csv:3:2: 第 3 行第 2 列（类别）："├─ /x (+1ms)" 不是可选的值 (enum-error)';
		expect(withoutPageProgress(problem)).toBe(problem);
	});

	it('leaves out Astro’s account of its steps in English, says its count of pages in Chinese, and keeps the rest', () => {
		// A whole astro stage's output as the demo build printed it (2026-12-01), in colour as a terminal has it.
		const dim = (t: string) => `\x1b[2m${t}\x1b[22m`;
		const astro = [
			`${dim('18:21:16')} \x1b[34m[content]\x1b[39m Syncing content`,
			'18:21:16 [content] Synced content',
			'18:21:16 [types] Generated 1.42s',
			'18:21:16 [build] output: "static"',
			'18:21:16 [build] mode: "static"',
			'18:21:16 [build] directory: /work/main/.dist.building-12874-1796149271772/',
			'18:21:16 [build] Collecting build info...',
			'18:21:16 [build] ✓ Completed in 1.45s.',
			'18:21:16 [build] Building static entrypoints...',
			'18:21:17 [vite] ✓ built in 1.06s',
			'18:21:18 [vite] ✓ built in 1.18s',
			'18:21:18 [build] Rearranging server assets...',
			'',
			' generating static routes ',
			'18:21:19   ├─ /404.html (+12ms) ',
			'18:21:19   ├─ /sitemap/index.html18:21:19 [WARN] [content] The collection "policies" does not exist or is empty.',
			'18:21:21 ✓ Completed in 2.37s.',
			'',
			'18:21:21 [build] ✓ Completed in 4.67s.',
			'18:21:21 [@astrojs/sitemap] `sitemap-index.xml` created at `../../.dist.building-12874-1796149271772`',
			`${dim('18:21:21')} [build] 464 page(s) built in 6.17s`,
			'18:21:21 [build] Complete!',
			'',
		].join('\n');
		const failure = '18:21:21 [ERROR] [build] Failed to call getStaticPaths for src/pages/units/[id].astro';
		for (const chunk of [1, 9, 1 << 20])
			expect(run(`${astro}${failure}\n${ASTRO_FAILURE}`, chunk, false, astroLine)).toEqual({
				out: [
					'[WARN] [content] The collection "policies" does not exist or is empty.',
					'生成了 464 个页面。',
					failure,
					"ENOTDIR: not a directory, mkdir '/tmp/afile/astro/'",
					'',
				].join('\n'),
				dropped: 5,
			});
		// Only whole lines of Astro's own: our lines, a data problem quoting one, and anything new pass.
		expect(run(OURS, 4, false, astroLine).out).toBe(OURS);
		for (const line of [
			'data/units.csv:3:2: 第 3 行第 2 列（类别）："[build] Complete!" 不是可选的值 (enum-error)',
			'18:21:16 [build] Complete! but one page was skipped',
			'18:21:16 [vite] ✓ built in 1.06s with 2 warnings',
		])
			expect(astroLine(line)).toBe(line);
		// Kept for the developer.
		expect(run(astro, 9, true, astroLine).out).toBe(astro);
	});
});
