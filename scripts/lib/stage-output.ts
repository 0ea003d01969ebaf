/**
 * What a build stage prints, on its way to the office: no stack trace reaches them (the house rule). Our own scripts
 * report their failures in one Chinese line, but a stage we do not write can still print one: Astro, on a failure of
 * its own, prints the error with a `Location:` in its source and a `Stack trace:`. Those lines are left out (with
 * `DEBUG=1` they are kept, for the developer), and the build says once that it left them out, and whose problem it is.
 */
import { stripVTControlCharacters } from 'node:util';

/** A line that belongs to a stack trace: `    at fn (file:///…:12:5)`, Astro's `Stack trace:` and `Location:`
 *  headings, and an indented source position (`    /…/node_modules/astro/dist/…/content-layer.js:269:5`). */
const STACK_LINE = /^\s+at\s|^\s*(Stack trace|Location):\s*$|^\s+(\/|file:\/\/|[A-Za-z]:\\)\S*:\d+:\d+\s*$/;

/** Whether a line of a stage's output is part of a stack trace (in a terminal the stages print in colour). */
export const isStackLine = (line: string) => STACK_LINE.test(stripVTControlCharacters(line));

/**
 * What Node prints above and below the stack of an error nothing caught: the place (`file:///…/asof.ts:29`), then the
 * line of source code there and a `^` under it, and at the end its own version (`Node.js v24.21.0`).
 */
const NODE_PLACE = /^(file:\/\/|node:|\/|[A-Za-z]:\\)\S*:\d+\s*$/;
const NODE_CARET = /^\s*\^+\s*$/;
const NODE_VERSION = /^Node\.js v\d+\.\d+\.\d+\s*$/;

/**
 * Astro's line for each page it writes (`12:00:01   ├─ /units/u0001/index.html (+20ms)`): about 5,800 English lines
 * at city scale, among which the office would have to find a problem. Rendering four pages at once, Astro also puts
 * several pages' starts on one line, their times on lines of their own (` (+31ms) `), and may go on with a warning of
 * its own on the same line (`├─ /sitemap/index.html12:00:01 [WARN] …`).
 */
const PAGE_PROGRESS = /^(\s*(\d\d:\d\d:\d\d\s+)?[├└]─ \S+)*(\s*\(\+[\d.]+m?s\))?\s*/;

/**
 * A line of a stage's output without Astro's page-by-page progress at its start: the line as it came when it has
 * none, what follows it when it has (a warning), undefined when nothing else is left.
 */
export function withoutPageProgress(line: string): string | undefined {
	const plain = stripVTControlCharacters(line);
	const progress = PAGE_PROGRESS.exec(plain)![0];
	if (!progress.trim()) return line;
	const rest = plain.slice(progress.length);
	return rest.trim() ? rest : undefined;
}

/**
 * Astro's own account of its steps, in English, which tells the office nothing it can act on: the content sync, the
 * output settings, the bundles, each step's time, the staging folder the sitemap went to (a name of the build's own),
 * and the blank lines between. Matched whole (after its time of day), so a warning, an error or anything new passes.
 */
const ASTRO_CHATTER = [
	/^$/,
	/^\[content\] (Syncing|Synced) content$/,
	/^\[types\] Generated [\d.]+m?s$/,
	/^\[build\] (output|mode): "\w+"$/,
	/^\[build\] directory: \S.*$/,
	/^\[build\] (Collecting build info|Building static entrypoints|Rearranging server assets)\.\.\.$/,
	/^(\[build\] )?✓ Completed in [\d.]+m?s\.$/,
	/^\[vite\] ✓ built in [\d.]+m?s$/,
	/^\[vite\] Re-optimizing dependencies because vite config has changed$/,
	/^generating static routes$/,
	/^\[@astrojs\/sitemap\] `sitemap-index\.xml` created at `[^`]*`$/,
	/^\[build\] Complete!$/,
];
/** Astro's count of the pages it wrote, which the office sees in Chinese. */
const ASTRO_PAGES = /^\[build\] (\d+) page\(s\) built in [\d.]+m?s$/;

/**
 * A line of the astro stage as the office sees it: undefined for Astro's account of its steps (`ASTRO_CHATTER`), its
 * count of pages in Chinese, any other line as it came.
 */
export function astroLine(line: string): string | undefined {
	const plain = stripVTControlCharacters(line)
		.trim()
		.replace(/^\d\d:\d\d:\d\d\s+/, '');
	const pages = ASTRO_PAGES.exec(plain);
	if (pages) return `生成了 ${pages[1]} 个页面。`;
	return ASTRO_CHATTER.some((re) => re.test(plain)) ? undefined : line;
}

/**
 * What the build prints after a stage's output when it left stack-trace lines out; `machine` when the failure is the
 * machine's (`systemHints`), which the build then explains.
 */
export const stackNote = (n: number, machine = false) =>
	machine
		? `（省略了 ${n} 行程序内部的调用位置；原因和处理办法见下文。）`
		: `（省略了 ${n} 行程序内部的调用位置。这是网站程序的问题，不是数据的问题：请把上面的信息告诉网站维护人员；维护人员可以设 DEBUG=1 重新构建，看到完整的调用栈。）`;

/**
 * A filter for one output stream of a stage: `push` the text as it comes (chunks may end mid-line), `end` when the
 * stream closes. Whole lines go to `write`, stack-trace lines left out unless `keep`; `dropped` counts them. Astro's
 * page-by-page progress is left out too unless `keep`, and so is what `tidy` (the stage's own, such as `astroLine`)
 * returns undefined for; what it returns instead of a line is shown in its place.
 */
export function stackFilter(
	write: (text: string) => void,
	keep = false,
	tidy: (line: string) => string | undefined = (line) => line,
) {
	let partial = '';
	/** Whether the line before was the place of an uncaught error: this one is the source code there. */
	let sourceNext = false;
	/** What of one line goes on, if anything (a stack line is counted). */
	const shown = (line: string): string | undefined => {
		if (keep) return line;
		const plain = stripVTControlCharacters(line);
		const source = sourceNext;
		sourceNext = NODE_PLACE.test(plain);
		if (source || sourceNext || isStackLine(line) || NODE_CARET.test(plain) || NODE_VERSION.test(plain)) {
			filter.dropped++;
			return undefined;
		}
		const rest = withoutPageProgress(line);
		return rest === undefined ? undefined : tidy(rest);
	};
	const filter = {
		dropped: 0,
		push(chunk: string) {
			const lines = (partial + chunk).split('\n');
			partial = lines.pop()!;
			let out = '';
			for (const line of lines) {
				const s = shown(line);
				if (s !== undefined) out += `${s}\n`;
			}
			if (out) write(out);
		},
		end() {
			if (partial === '') return;
			const s = shown(partial);
			if (s !== undefined) write(s);
			partial = '';
		},
	};
	return filter;
}

/**
 * Failures of the machine rather than of the program or the data, found by the code and text the system gives the
 * error (both, so that a cell quoted in a data problem cannot pass for one), each with what the office can do about
 * it: the stage's message itself is the system's, in English.
 */
const SYSTEM_HINTS: [RegExp, string][] = [
	[
		/\bENOSPC: no space left on device/,
		'磁盘空间不足（ENOSPC）：请清理磁盘，或把 OUT_DIR、CACHE_DIR 设到空间足够的磁盘上，再重新运行 npm run build。',
	],
	[
		/\b(EACCES: permission denied|EPERM: operation not permitted|EROFS: read-only file system)/,
		'没有权限写入或读取某个文件或文件夹（EACCES、EPERM 或只读磁盘）：请检查数据目录、OUT_DIR 和 CACHE_DIR 的权限，再重新运行 npm run build。',
	],
	[
		/\bENOTDIR: not a directory|\bEEXIST: file already exists, mkdir/,
		'应当是文件夹的地方有一个同名的文件（ENOTDIR）：请检查 OUT_DIR、CACHE_DIR、ASTRO_CACHE_DIR 所指的路径，再重新运行 npm run build。',
	],
	[
		/\bEBUSY: resource busy or locked/,
		'文件夹正被占用，或是一个挂载点（EBUSY），无法替换：请关闭正在使用它的程序；OUT_DIR 是挂载的磁盘或网站目录时，请设为其中的一个文件夹，再重新运行 npm run build。',
	],
	[/\bEMFILE: too many open files/, '同时打开的文件太多（EMFILE）：请关闭其他程序后重新运行 npm run build。'],
	[
		/JavaScript heap out of memory|\bENOMEM: (not enough memory|cannot allocate memory)/i,
		'内存不足：请关闭其他程序后重新运行 npm run build（城市规模的数据构建时约需 2 GB 内存）。',
	],
];

/** What the office can do about the machine's failures named in a stage's output (none for any other failure). */
export const systemHints = (text: string): string[] =>
	SYSTEM_HINTS.filter(([re]) => re.test(stripVTControlCharacters(text))).map(([, hint]) => hint);

/**
 * A failure of the build script itself (taking its lock, swapping the finished site in) as one Chinese line, without
 * Node's English message and stack trace: the file or folder concerned, and what the office can do (`systemHints`), or
 * else where the developer finds the details.
 */
export function systemProblem(e: unknown): string {
	const { code, path, dest } = (e ?? {}) as NodeJS.ErrnoException & { dest?: string };
	const [hint] = systemHints(String(e));
	const what =
		hint ??
		`构建脚本出错${code ? `（${code}）` : ''}：请重新运行 npm run build；仍然出错时，请把 DEBUG=1 npm run build 的输出交给网站的维护人员。`;
	const where = [path, dest].filter(Boolean).join(' → ');
	return where ? `${where}：${what}` : what;
}
