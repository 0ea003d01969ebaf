/**
 * `npm run bench:markdown`: how long the Markdown reader takes on the texts that cost it the most — the hostile ones
 * its limits refuse before parsing, and the worst text the limits let through, read and rendered as the validator and
 * the site do. A benchmark, not a test: it prints the median of five runs of each and exits 0. The tests check what
 * the reader says of the same texts (test/unit/markdown.test.ts).
 */
import { storyText } from '../src/lib/validate/story.ts';
import { renderMarkdown } from '../src/lib/markdown/render.ts';
import { HOSTILE_MARKDOWN, worstMarkdown } from './lib/bench/markdown-texts.ts';

const RUNS = 5;

/** The median time of `RUNS` runs, in milliseconds. */
function median(run: () => void): number {
	const times = Array.from({ length: RUNS }, () => {
		const t = performance.now();
		run();
		return performance.now() - t;
	}).sort((a, b) => a - b);
	return times[Math.floor(RUNS / 2)];
}

const rows: [string, number, string][] = [];
for (const [name, text] of Object.entries(HOSTILE_MARKDOWN)) {
	const codes = storyText(text, 'x.mdx').issues.map((i) => i.code);
	rows.push([name, median(() => storyText(text, 'x.mdx')), `拒绝（${codes.join('、')}）`]);
}
const worst = worstMarkdown();
rows.push([
	`限制内最坏的正文（${worst.length} 字符）：检查`,
	median(() => storyText(worst, 'x.mdx')),
	`${storyText(worst, 'x.mdx').issues.length} 个问题`,
]);
rows.push(['限制内最坏的正文：读取并排版', median(() => renderMarkdown(worst, 'x.mdx')), '']);

console.log(`| 正文 | 用时（${RUNS} 次的中位数） | 结果 |\n|---|---:|---|`);
for (const [name, ms, what] of rows) console.log(`| ${name} | ${ms.toFixed(1)} 毫秒 | ${what} |`);
