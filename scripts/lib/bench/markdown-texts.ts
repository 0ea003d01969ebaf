/**
 * The stories and policy documents that cost the Markdown reader the most: the hostile texts its limits refuse before
 * parsing (each once took the old validator seconds to minutes, or overflowed its stack), and the worst text the
 * limits let through. Shared by the tests, which check what the reader says of them, and `npm run bench:markdown`,
 * which times it.
 */

/** Texts refused before the parser, by name. */
export const HOSTILE_MARKDOWN: Record<string, string> = {
	// The old validator took 16 s.
	'640 KB 的多层列表': Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i % 400)}- 项目\n`)
		.join('')
		.repeat(3)
		.padEnd(640_000, '文')
		.slice(0, 640_000),
	// The old parser overflowed its stack.
	'6000 个嵌套的 >': `${'>'.repeat(6000)} 引用\n`,
	'“*a ”重复 8000 次': '*a '.repeat(8000),
	// The old validator took 114–168 s, then overflowed its stack.
	'一个字前后共 49,000 个 *': `正文\n\n${'*'.repeat(25_000)}a${'*'.repeat(24_000)}\n`,
};

/**
 * The worst text the limits let through: 50,000 characters of paragraphs with 200 emphasis and bracket marks each, and
 * lists nested 10 deep. It has no problem.
 */
export function worstMarkdown(): string {
	const para = (i: number) =>
		i % 2 ? '*a '.repeat(66) + ' a_'.repeat(66) : '['.repeat(100) + 'a' + ']'.repeat(100);
	const nested = Array.from({ length: 10 }, (_, d) => `${'  '.repeat(d)}- 项 ${'*a '.repeat(60)}`).join('\n');
	let text = '';
	for (let i = 0; text.length < 49_000; i++) text += `${i % 3 === 2 ? nested : para(i)}\n\n`;
	return text.slice(0, 50_000);
}
