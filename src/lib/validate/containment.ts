/**
 * What the data folder may hold, as far as the file system goes: nothing from outside it is ever read. The rule is
 * the simplest that is safe: no symbolic link anywhere in the data folder (a link inside the folder is refused too,
 * since checking where a chain of links ends is where containment bugs live, and copying a file costs the office
 * nothing); no path that climbs out (`..`) or starts elsewhere (`/`, `C:`); only regular files are read. The folder
 * itself (DATA_DIR) may be reached through a link: it is the folder the office named. Pure: the issues the disk view
 * (`src/loaders/data-dir.ts`) reports are made here, so their codes sit with the validator's.
 */
import type { Issue } from '../issues.ts';
import { quoteValue } from '../quote.ts';

/**
 * Why a relative path inside the data folder may not be read, or undefined when it may: it must be made of plain
 * names separated by `/` — no `..`, no `.`, no empty part, no absolute start, no backslash (Windows' separator) or NUL.
 */
export function unsafeRelativePath(rel: string): string | undefined {
	if (/[\\\0]/.test(rel)) return '路径中不能有反斜杠或空字符';
	if (rel.startsWith('/') || /^[A-Za-z]:/.test(rel)) return '不能是绝对路径';
	if (rel.split('/').some((part) => part === '' || part === '.' || part === '..'))
		return '不能含有 .. 或 . 等上级目录';
	return undefined;
}

/**
 * Why a file name typed in a table (a photo in candidates.csv) may not be read, or undefined when it may: a plain
 * name of a file directly in its folder — no `/` or `\\` (no other folder, no absolute path), not starting with `.`
 * (`..` climbs out, `.x` is a hidden file the folder listing never shows).
 */
export function unsafeFileName(name: string): string | undefined {
	if (/(^|[/\\])\.\.([/\\]|$)/.test(name)) return '不能含有 ..（指向上级目录）';
	if (/[/\\]/.test(name)) return '不能含有 / 或 \\：只写文件名，不写文件夹或路径';
	if (name.startsWith('.')) return '不能以 . 开头（.. 指向上级目录，. 开头的是隐藏文件）';
	return unsafeRelativePath(name);
}

/** The issue for a symbolic link found in the data folder. */
export function symlinkIssue(file: string, target: string): Issue {
	return {
		file,
		line: 1,
		column: 1,
		code: 'symlink',
		message: `是符号链接（指向 ${quoteValue(target)}），数据目录中不允许符号链接：请把文件本身复制到这里`,
		severity: 'error',
	};
}

/** The issue for a path that would leave the data folder. */
export function outsideIssue(file: string, why: string): Issue {
	return {
		file,
		line: 1,
		column: 1,
		code: 'outside-data',
		message: `路径指向数据目录之外，不会读取（${why}）。文件须放在数据目录中，用不带 .. 的相对路径引用`,
		severity: 'error',
	};
}

/** Chinese for the reasons a file cannot be read (Node's error codes). */
const REASONS: Record<string, string> = {
	EACCES: '没有读取权限',
	EPERM: '没有读取权限',
	EISDIR: '是文件夹',
	ELOOP: '符号链接循环',
	ENAMETOOLONG: '路径过长',
	EIO: '磁盘读写错误',
	EMFILE: '同时打开的文件过多',
	// Node reads no file of 2 GiB or more at once; no table, story or photo is anywhere near that.
	ERR_FS_FILE_TOO_LARGE: '文件过大（2 GB 以上），不是表格、文章或照片应有的大小',
};

/**
 * The issue for a file that is there but cannot be read: no permission, a disk error, or not a regular file (a
 * named pipe would make the reader wait for ever, a device would never end).
 * @param reason Node's error code (`EACCES` …), or `special` for a file that is not a regular file
 */
export function unreadableIssue(file: string, reason: string): Issue {
	const why =
		reason === 'special' ? '不是普通文件（管道、设备等）' : (REASONS[reason] ?? `系统错误 ${reason}`);
	return {
		file,
		line: 1,
		column: 1,
		code: 'unreadable-file',
		message: `无法读取：${why}。请检查文件，或把它移出数据目录`,
		severity: 'error',
	};
}
