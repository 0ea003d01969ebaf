/**
 * Validation problems, modelled on Frictionless Data / csvlint reports: every problem is a plain object
 * with where it is (file, line, column), a kebab-case code and a Chinese message that says what to do.
 */
import { LINE_BREAK_MARK } from './quote.ts';

/** How bad a problem is: an `error` stops the build; a `warning` is printed and the build goes on. */
export type Severity = 'error' | 'warning';

/** One problem found in the data. Lines and columns count from 1; 0 means "the whole file" / "the whole row". */
export interface Issue {
	/** Path of the file as the office sees it, relative to the project (e.g. `data/units.csv`). */
	file: string;
	line: number;
	column: number;
	/** Stable machine code, kebab-case (`enum-error`, `foreign-key` …); listed in the data dictionary. */
	code: string;
	/** Chinese, says what is wrong and how to fix it. */
	message: string;
	severity: Severity;
	/** The column's key, when the problem is about one field. */
	field?: string;
	/** The offending value as read, when there is one. */
	value?: string;
	/**
	 * Where a spreadsheet shows the problem, for a CSV file: its row as Excel or WPS numbers it (header = 1; unlike
	 * `line`, a cell holding a line break does not move it), and the column's header.
	 */
	row?: number;
	header?: string;
	/** Whether `npm run validate -- --fix` corrects it (full-width characters, other date spellings, encodings). */
	fixable?: boolean;
}

/**
 * The position as the office's spreadsheet shows it: `第 14 行第 2 列（单位编号）` for a cell, `第 14 行` for a whole
 * row (or a header row missing a column). Empty for a problem of the whole file, or of a file that is not a table.
 */
export function humanPosition(issue: Issue): string {
	// The column only with its header: a problem of a whole row (a missing column, too many cells) names the row.
	const column = issue.header ? `第 ${issue.column} 列（${issue.header}）` : '';
	return issue.row !== undefined ? `第 ${issue.row} 行${column}` : column;
}

/**
 * Formats an issue the way compilers do, so editors can jump to it, followed by the position as a spreadsheet shows
 * it: `path:line:column: 第 14 行第 2 列（单位编号）：说明 (code)`. Always one line:
 * a line break that reached a message (values are quoted with `quoteValue`, which shows them as ⏎) is shown as ⏎.
 */
export function formatIssue(issue: Issue): string {
	const where = `${issue.file}:${issue.line}:${issue.column}`;
	const human = humanPosition(issue);
	const tag = issue.severity === 'warning' ? '警告：' : '';
	return `${where}: ${tag}${human ? `${human}：` : ''}${issue.message.replace(/\r\n|\r|\n/g, LINE_BREAK_MARK)} (${issue.code})`;
}

/** Sorts issues by file, line, column, then code, so output is stable from run to run. */
export function sortIssues(issues: readonly Issue[]): Issue[] {
	return [...issues].sort(
		(a, b) =>
			(a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
			a.line - b.line ||
			a.column - b.column ||
			(a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
	);
}

/** Counts issues per code, for the summary line at the end of a report. */
export function countByCode(issues: readonly Issue[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const i of issues) counts.set(i.code, (counts.get(i.code) ?? 0) + 1);
	return new Map([...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
}

/** True when any issue is an error (warnings do not stop a build). */
export function hasErrors(issues: readonly Issue[]): boolean {
	return issues.some((i) => i.severity === 'error');
}

/**
 * A full report: issues grouped by file (in file order), then one count per code and a total line.
 * Returns the lines; the caller prints them.
 */
export function reportLines(issues: readonly Issue[]): string[] {
	const sorted = sortIssues(issues);
	const lines: string[] = [];
	let currentFile = '';
	for (const issue of sorted) {
		if (issue.file !== currentFile) {
			if (currentFile) lines.push('');
			currentFile = issue.file;
		}
		lines.push(formatIssue(issue));
	}
	const errors = sorted.filter((i) => i.severity === 'error').length;
	const warnings = sorted.length - errors;
	if (sorted.length) {
		lines.push('');
		for (const [code, n] of countByCode(sorted)) lines.push(`  ${code}: ${n}`);
	}
	lines.push(`共 ${errors} 个错误，${warnings} 个警告。`);
	const fixable = sorted.filter((i) => i.fixable).length;
	if (fixable)
		lines.push(
			`其中 ${fixable} 个（全角字符、日期写法、文件编码、表头最后的空列）可以自动修正：运行 npm run validate -- --fix，逐条列出改动后再检查一遍。`,
		);
	return lines;
}
