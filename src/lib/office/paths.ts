/**
 * Paths and positions on the office page (/office/, 填报台), without the validator: where the data folder is in a
 * picked folder, and where a problem is as the clerk's spreadsheet shows it. Small, for the page's own script.
 */
import type { Issue } from '../issues.ts';

/**
 * Where the data folder is among the paths of a picked folder (`webkitRelativePath`: the picked folder's name first):
 * the picked folder itself, or its `data/` when the clerk picked the whole repository. Returns the prefix to strip.
 */
export function dataRoot(paths: readonly string[]): string {
	const top = paths[0]?.split('/')[0] ?? '';
	const isData = (prefix: string) =>
		paths.some((p) => p === `${prefix}site.json` || p === `${prefix}units.csv`);
	if (top && !isData(`${top}/`) && isData(`${top}/data/`)) return `${top}/data/`;
	return top ? `${top}/` : '';
}

/**
 * Whether a picked file is one the clerk never means as data: inside version control or a package folder, or hidden
 * (an editor's or the system's own: `.DS_Store`, LibreOffice's `.~lock.units.csv#`), as `npm run validate` leaves
 * hidden files unread.
 */
export const notData = (path: string): boolean =>
	path.split('/').some((p) => p.startsWith('.') || p === 'node_modules');

/** The column letters a spreadsheet shows for a 1-based column number (1 → A, 27 → AA). */
export function columnLetters(column: number): string {
	let s = '';
	for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
	return s;
}

/** The most characters of one cell the office page's grid lays out. */
export const CELL_SHOWN = 1000;

/**
 * A cell's text as the grid shows it: whole, or its first `CELL_SHOWN` characters and how long it is. A quote left
 * open reads the rest of the file into one cell; laid out whole in a table cell, a 5 MB one held the page's thread for
 * 79 s of processor time. Editing the cell starts from its whole text.
 */
export function cellShown(text: string): string {
	if (text.length <= CELL_SHOWN) return text;
	// Not half of a character outside the Basic Multilingual Plane (𠀀).
	const end = /[\uD800-\uDBFF]/.test(text[CELL_SHOWN - 1]) ? CELL_SHOWN - 1 : CELL_SHOWN;
	return `${text.slice(0, end)}……（这一格共 ${text.length} 个字符，只显示了开头；点击查看全部）`;
}

/**
 * Where a problem is, as the clerk's spreadsheet shows it: the cell's name (`C14`) when it is one cell of a table,
 * and the words (`第 14 行 “单位编号” 列`, `第 14 行`). A problem of a whole file has neither; one of a text file
 * (JSON, a story) gives its line and column.
 */
export function issuePlace(issue: Issue): { cell?: string; words: string } {
	if (issue.row !== undefined) {
		if (issue.header !== undefined)
			return {
				cell: `${columnLetters(issue.column)}${issue.row}`,
				words: `第 ${issue.row} 行 “${issue.header}” 列`,
			};
		return { words: `第 ${issue.row} 行` };
	}
	if (/\.csv$/i.test(issue.file) && issue.line <= 1 && issue.column <= 1) return { words: '整个文件' };
	return { words: `第 ${issue.line} 行第 ${issue.column} 列` };
}

/**
 * Why a folder or its files could not be read, in the clerk's words: the browser's own reason is English (Chromium's
 * "The request is not allowed by the user agent…"), so the error's name picks the Chinese one, and the name itself
 * follows in brackets, as an issue's code does, for whoever helps the clerk.
 */
export function readFailure(error: unknown): string {
	// A DOMException is an Error, in browsers and in Node.
	const name = error instanceof Error ? error.name : '';
	const why: Record<string, string> = {
		NotAllowedError:
			'浏览器没有允许读取这个文件夹（可能点了“不允许”，或选的是系统文件夹、整个磁盘）。请换一个普通的文件夹，或把文件夹拖到页面上的虚线框里',
		SecurityError:
			'浏览器出于安全原因不允许读取这个文件夹（系统文件夹、整个磁盘或下载中的文件夹）。请把数据放到一个普通的文件夹里再打开',
		NotFoundError: '读取时有文件被移动、改名或删除了。请重新打开文件夹',
		NotReadableError:
			'有文件无法读取，可能正被别的程序（例如 Excel、WPS、网盘同步）占用。请关闭这些程序后重新打开文件夹',
	};
	const text =
		why[name] ?? '浏览器无法读取这个文件夹。请改用“选择数据文件夹”，或把文件夹拖到页面上的虚线框里';
	return `无法读取文件夹：${text}${/^[A-Za-z]+Error$/.test(name) ? `（${name}）` : ''}`;
}
