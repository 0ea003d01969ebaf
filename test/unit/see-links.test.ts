/**
 * Every `@see` in the code points at a file in the repository (issue 20), so a reader can follow it without the
 * policy documents at hand: `@see <path> [clause] [quote]`, the path relative to the repository's root. When the path
 * is a Markdown file and a clause follows (`三(二)`, `第七条`, `附件1`, `Score`), one of the file's headings starts with
 * that clause. The rule summaries (`src/docs/rules/`) in turn name code files, which must exist too.
 */
import { afterAll, describe, expect, it } from 'vitest';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');
const CODE = /\.(ts|tsx|mts|js|mjs|astro)$/;

/** Files under the given folders of `root` whose names match, as root-relative paths with `/`, sorted. */
function filesUnder(root: string, dirs: readonly string[], name: RegExp): string[] {
	return dirs
		.flatMap((d) =>
			existsSync(join(root, d))
				? readdirSync(join(root, d), { recursive: true, encoding: 'utf8' }).map((f) =>
						`${d}/${f}`.replace(/\\/g, '/'),
					)
				: [],
		)
		.filter((f) => name.test(f) && !f.includes('/node_modules/'))
		.sort();
}

/** The clause after the path: what precedes the first space, quote or list mark (`三(二)`, `第八条`, `九`). */
const clauseOf = (rest: string) => /^[^\s「“"'、，,;；]+/.exec(rest)?.[0];

/** Headings of a Markdown file, without their `#` marks. */
const headings = (text: string) => [...text.matchAll(/^#{1,6}\s+(.+?)\s*$/gm)].map((m) => m[1]);

/** Every broken `@see` in the code files under `dirs` of `root`, as `path:line: problem`. */
function brokenSees(root: string, dirs: readonly string[]): string[] {
	const problems: string[] = [];
	for (const file of filesUnder(root, dirs, CODE)) {
		const lines = readFileSync(join(root, file), 'utf8').split('\n');
		lines.forEach((line, i) => {
			const m = /(?:^|[\s*])@see\b(.*)$/.exec(line);
			if (!m) return;
			const at = `${file}:${i + 1}`;
			const rest = m[1].replace(/\*\/.*$/, '').trim();
			const target = rest.split(/\s+/)[0];
			if (!/^[\w.@-]+(?:\/[\w.@-]+)+$/.test(target)) {
				problems.push(`${at}: @see names no file path ("${rest}")`);
				return;
			}
			if (!existsSync(join(root, target))) {
				problems.push(`${at}: @see ${target} does not exist`);
				return;
			}
			const clause = clauseOf(rest.slice(target.length).trim());
			if (!target.endsWith('.md') || !clause) return;
			const found = headings(readFileSync(join(root, target), 'utf8')).some(
				(h) => h === clause || h.startsWith(`${clause} `),
			);
			if (!found) problems.push(`${at}: ${target} has no heading starting with "${clause}"`);
		});
	}
	return problems;
}

/** Every repository path a rule summary names in backquotes (`src/…`, `scripts/…`, `data/…`) that does not exist. */
function missingNamedPaths(root: string): string[] {
	const problems: string[] = [];
	for (const file of filesUnder(root, ['src/docs/rules'], /\.md$/)) {
		const lines = readFileSync(join(root, file), 'utf8').split('\n');
		lines.forEach((line, i) => {
			for (const [, path] of line.matchAll(/`((?:src|scripts|data|test)\/[^`\s<>*]+)`/g))
				if (!existsSync(join(root, path))) problems.push(`${file}:${i + 1}: ${path} does not exist`);
		});
	}
	return problems;
}

describe('@see links', () => {
	it('every @see in src/ and scripts/ names a file of the repository, and a heading of it that exists', () => {
		expect(filesUnder(ROOT, ['src', 'scripts'], CODE).length).toBeGreaterThan(50);
		expect(brokenSees(ROOT, ['src', 'scripts'])).toEqual([]);
	});

	it('every code file a rule summary in src/docs/rules/ names exists', () => {
		expect(filesUnder(ROOT, ['src/docs/rules'], /\.md$/).length).toBeGreaterThanOrEqual(5);
		expect(missingNamedPaths(ROOT)).toEqual([]);
	});

	describe('the check itself', () => {
		const work = mkdtempSync(join(tmpdir(), 'xy-see-'));
		afterAll(() => rmSync(work, { recursive: true, force: true }));
		const write = (path: string, text: string) => {
			mkdirSync(dirname(join(work, path)), { recursive: true });
			writeFileSync(join(work, path), text);
		};
		write('src/docs/rules/002-x.md', '# 002\n\n## 三(二) 评价等级\n\n## 附件1 五 创建\n');
		write(
			'src/lib/a.ts',
			[
				'/**',
				' * @see src/docs/rules/002-x.md 三(二) 1–3',
				' * @see src/docs/rules/002-x.md 附件1 五「创建」',
				' * @see src/docs/rules/002-x.md',
				' * @see src/docs/rules/002-x.md 三(三) "评价方法"',
				' * @see src/docs/rules/003-gone.md 第一条',
				' * @see seeds/002 三(二)',
				' * @see {@link commitmentView}',
				' * @see',
				' */',
				"const see = 'no tag here: email@see.example';",
			].join('\n'),
		);
		write('scripts/b.astro', '---\n/** @see SPEC 1 "Score" */\n---\n');
		write(
			'src/docs/rules/001-y.md',
			'见 `src/lib/a.ts` 和 `src/lib/gone.ts`，数据 `data/rubrics/<年>.json`。\n',
		);

		it('names the file and line of a missing file, a missing heading and an @see without a path', () => {
			expect(brokenSees(work, ['src', 'scripts']).join('\n')).toMatchInlineSnapshot(`
				"scripts/b.astro:2: @see names no file path ("SPEC 1 "Score"")
				src/lib/a.ts:5: src/docs/rules/002-x.md has no heading starting with "三(三)"
				src/lib/a.ts:6: @see src/docs/rules/003-gone.md does not exist
				src/lib/a.ts:7: @see seeds/002 does not exist
				src/lib/a.ts:8: @see names no file path ("{@link commitmentView}")
				src/lib/a.ts:9: @see names no file path ("")"
			`);
		});

		it('names the summary and line of a code path that does not exist', () => {
			expect(missingNamedPaths(work)).toEqual(['src/docs/rules/001-y.md:1: src/lib/gone.ts does not exist']);
		});
	});
});
