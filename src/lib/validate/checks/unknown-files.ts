/**
 * Files no check reads. Every file in the data folder is either read by a check (and so published or named in a
 * message), or named here: a copy Excel saved as `pledges (1).csv`, a CSV put in the wrong folder, a workbook saved
 * as .xlsx instead of CSV would otherwise be ignored without a word, and the office would believe it published. A
 * note for people (README, .md, .txt, .docx, .pdf) is a warning; anything else an error, with what the file looks
 * like it was meant to be. `templates/` holds the blank templates and is not data.
 */
import { INPUT_TABLES } from '../tables.ts';
import { isQuarterId } from '../../quarters.ts';
import type { CheckContext } from '../context.ts';
import { systemFile } from '../system-files.ts';

/** Files for people, not for the site: reported as a warning. */
const NOTE = /(^readme|\.(md|markdown|txt|docx?|pdf|wps)$)/i;
/** Spreadsheet workbooks, which the site does not read. */
const WORKBOOK = /\.(xlsx|xlsm|xls|et|ods|numbers)$/i;
/**
 * How copies are named by Windows, macOS, WPS and people: `x (1).csv`, `x - 副本.csv`, `x copy.csv`, `x_2.csv`. Not
 * anchored at the start: the first group takes everything before the copy mark anyway.
 */
const COPY =
	/(.+?)(?:\s*[（(]\s*\d+\s*[)）]|\s*-\s*(?:副本|复制|copy)(?:\s*[（(]?\d+[)）]?)?|\s+copy(?:\s+\d+)?|[_\s-]\d{1,2}|副本)(\.[^.]+)$/i;

/** Every path the data folder holds a file at, with the templates folder left out. */
function allFiles(ctx: CheckContext): string[] {
	const out: string[] = [];
	const walk = (dir: string) => {
		for (const name of ctx.allNames(dir)) out.push(dir ? `${dir}/${name}` : name);
		for (const sub of ctx.files.dirs!(dir)) if (dir || sub !== 'templates') walk(dir ? `${dir}/${sub}` : sub);
	};
	walk('');
	return out;
}

/** Where the files of a known kind live: the table files, site.json and the rubrics, by file name. */
function knownPaths(): Map<string, string> {
	const known = new Map<string, string>([['site.json', 'site.json']]);
	// Stryker disable next-line ConditionalExpression: a path with * is a pattern, and no data file is named *.csv.
	for (const t of INPUT_TABLES) if (!t.path.includes('*')) known.set(t.path.split('/').pop()!, t.path);
	return known;
}

/**
 * What a file no check reads looks like it was meant to be, in one sentence; undefined when nothing is close.
 * @param shown how paths are shown in messages (`data/`)
 */
export function meantAs(rel: string, shown: string): string | undefined {
	const name = rel.split('/').pop()!;
	// Stryker disable next-line StringLiteral: a top-level file's folder is compared with rubrics/, stories/ and policies/ only, which no other text equals either.
	const dir = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '';
	const known = knownPaths();
	// Stryker disable next-line Regex: taking off the first extension instead of the last names the same CSV for every file a known CSV could be meant by.
	const stem = name.replace(/\.[^.]+$/, '');
	if (WORKBOOK.test(name)) {
		const csv = known.get(`${stem}.csv`) ?? (isQuarterId(stem) ? `evidence/${stem}.csv` : undefined);
		return `这是电子表格工作簿，网站只读取 CSV：请在 Excel 或 WPS 中“另存为”“CSV UTF-8（逗号分隔）”${csv ? `，保存为 ${shown}${csv}` : ''}，再删除这个文件`;
	}
	const copy = name.match(COPY);
	if (copy) {
		const original = `${copy[1]}${copy[2]}`;
		const at = known.get(original) ?? (isQuarterId(copy[1]) ? `evidence/${original}` : undefined);
		if (at) return `看起来是 ${shown}${at} 的副本：把要发布的内容并入 ${shown}${at}，再删除这个文件`;
	}
	const home =
		known.get(name) ?? (isQuarterId(stem) && name.endsWith('.csv') ? `evidence/${name}` : undefined);
	if (home && home !== rel) return `文件名是 ${name}，但放错了位置：应放在 ${shown}${home}`;
	// Windows and macOS let a name differ from another only in case; the build's file system does not.
	const cased = [...known].find(([n]) => n !== name && n.toLowerCase() === name.toLowerCase());
	if (cased)
		return `文件名应为 ${cased[0]}，只有大小写不同（网站在区分大小写的系统上构建，${name} 不会被当作 ${cased[0]} 读取）：请改名为 ${shown}${cased[1]}`;
	if (/^\d{4}\.json$/.test(name) && dir !== 'rubrics')
		return `看起来是评价指标文件：应放在 ${shown}rubrics/${name}`;
	if (name.endsWith('.mdx') && dir !== 'exemplars/stories' && dir !== 'policies')
		return `看起来是正文：候选人的详细事迹放在 ${shown}exemplars/stories/<候选人编号>.mdx，政策文件放在 ${shown}policies/<编号>.mdx`;
	return undefined;
}

/**
 * Names every file of the data folder that no check read and no message mentions yet. Needs a view that lists
 * folders (`DataFiles.dirs`): a view without it is not walked.
 */
export function checkUnknownFiles(ctx: CheckContext): void {
	if (!ctx.files.dirs) return;
	const mentioned = new Set(ctx.issues.map((i) => i.file));
	for (const rel of allFiles(ctx)) {
		if (ctx.read.has(rel) || mentioned.has(ctx.path(rel))) continue;
		const name = rel.split('/').pop()!;
		const system = systemFile(name);
		if (system) {
			ctx.warn(ctx.path(rel), 1, 1, 'unknown-file', system);
			continue;
		}
		if (NOTE.test(name) && !WORKBOOK.test(name)) {
			ctx.warn(
				ctx.path(rel),
				1,
				1,
				'unknown-file',
				'说明性文件，网站不读取也不发布（如果它应当发布，请告诉区信用办的网站维护人员）',
			);
			continue;
		}
		const why = meantAs(rel, ctx.path(''));
		ctx.error(
			ctx.path(rel),
			1,
			1,
			'unknown-file',
			`网站不读取这个文件，其中的内容不会发布${why ? `：${why}` : '。数据目录中只能放 data/templates/README.md 所列的文件；不需要的文件请删除'}`,
		);
	}
}
