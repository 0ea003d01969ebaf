/**
 * The validator's messages as the office page says them. The messages are the command line's (`npm run validate`),
 * and some end by sending the reader to a command. On the page the clerk has no command line: a fix `--fix` makes is
 * accepted in the page's own section of fixes, and a released quarter's correction or seal is a step of whoever keeps
 * the data repository, with `npm run release`. The command line's words are unchanged (the page shows them too,
 * under 命令行中显示为). Pure: text in, text out.
 */

/** The page's section of fixes, by its heading. */
const FIXES = '本页“可以自动修正的问题”一节';

/** A `npm run release` command as the messages write it: its quarter, options and <占位符>. */
const RELEASE = String.raw`npm run release(?: (?:<[^>]+>|[\w-]+))*`;

const REWRITES: [RegExp, string][] = [
	// 全角字符, 日期写法: "（可运行 npm run validate -- --fix 自动修正）".
	[/可运行 npm run validate -- --fix 自动修正/g, `可在${FIXES}中接受修正`],
	// UTF-16, GBK: "（可用 npm run validate -- --fix 转换）".
	[/可用 npm run validate -- --fix 转换/g, `可在${FIXES}中接受转换`],
	// Blank columns at a header's end: "或运行 npm run validate -- --fix".
	[/或运行 npm run validate -- --fix/g, `或在${FIXES}中接受删去`],
	// "请运行 npm run release -- 2026-Q3 --correct …", "请先运行 … --seal", "原值请用 … --correct 计算填写".
	[
		new RegExp(String.raw`(请先|请)(?:运行|用) (${RELEASE})`, 'g'),
		'$1由维护数据仓库的人员在命令行运行 $2（本页不能做这一步）',
	],
];

/** A validator's message in the page's words: its hints to run a command say where on the page, or who does it. */
export function pageMessage(message: string): string {
	let out = message;
	for (const [from, to] of REWRITES) out = out.replace(from, to);
	return out;
}
