/**
 * Fuzzed validator: 3,000 seeded mutations of the valid fixture's files — its CSV files (byte flips, truncations,
 * swapped columns, duplicated rows, encoding changes), its MDX story (hostile snippets, deep nesting, invisible
 * characters), its JSON files (deep nesting, values of the wrong type) and its photo (flips, truncations, junk; decoded
 * whole as `npm run validate` does). Every case either validates or fails with located errors of known codes; the
 * validator never throws; no row disappears without an error naming its file; and a story it accepts renders inside
 * the allowlist (issue 15).
 */
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { validateDataset } from '../../src/lib/validate/dataset.ts';
import { decodePhotos } from '../../src/lib/validate/photo-pixels.ts';
import { decodeWithSharp } from '../../src/loaders/data-dir.ts';
import { ISSUE_CODES } from '../../src/lib/validate/codes.ts';
import { renderMarkdown } from '../../src/lib/markdown/render.ts';
import { outsideAllowlist } from '../helpers/html-allowlist.ts';
import { join } from 'node:path';
import { FIXTURES, memFiles, readFolder } from '../helpers/files.ts';
import { prng } from '../../scripts/lib/gen-scale/random.ts';

// 3,000 since 2026-12-03 (5,000 before): each case validates the whole fixture (about 10 ms of processor time), and the
// file was 77 s of a test run that CI allows 15 minutes for; the seeded cases are the first 3,000 of the 5,000.
const CASES = 3000;

const base = readFolder(join(FIXTURES, 'valid'));
const csvFiles = [...base.keys()].filter((k) => k.endsWith('.csv'));
const STORY = 'exemplars/stories/c1.mdx';
const jsonFiles = [...base.keys()].filter((k) => k.endsWith('.json'));
const PHOTO = 'exemplars/photos/c1.jpg';
const decoder = new TextDecoder();
const encoder = new TextEncoder();

type Mutation = (bytes: Uint8Array, r: () => number) => Uint8Array;
const pick = <T>(xs: readonly T[], r: () => number) => xs[Math.floor(r() * xs.length)];
const lines = (b: Uint8Array) => decoder.decode(b).split(/\r?\n/);
const MUTATIONS: Record<string, Mutation> = {
	flipByte: (b, r) => {
		const c = b.slice();
		if (c.length) c[Math.floor(r() * c.length)] ^= 1 << Math.floor(r() * 8);
		return c;
	},
	truncate: (b, r) => b.slice(0, Math.floor(r() * b.length)),
	// Values in the wrong columns: the header stays, two cells change places in every data row.
	swapColumns: (b, r) => {
		const ls = lines(b);
		const width = ls[0].split(',').length;
		const i = Math.floor(r() * width);
		const j = (i + 1 + Math.floor(r() * (width - 1))) % width;
		return encoder.encode(
			ls
				.map((l, n) => {
					if (n === 0) return l;
					const cells = l.split(',');
					[cells[i], cells[j]] = [cells[j], cells[i]];
					return cells.join(',');
				})
				.join('\n'),
		);
	},
	// Whole columns reordered, header included: columns are matched by name, so this must always validate.
	reorderColumns: (b, r) => {
		const ls = lines(b);
		const width = ls[0].split(',').length;
		const i = Math.floor(r() * width);
		const j = Math.floor(r() * width);
		return encoder.encode(
			ls
				.map((l) => {
					const cells = l.split(',');
					[cells[i], cells[j]] = [cells[j], cells[i]];
					return cells.join(',');
				})
				.join('\n'),
		);
	},
	duplicateRow: (b, r) => {
		const ls = lines(b);
		const k = 1 + Math.floor(r() * Math.max(1, ls.length - 1));
		ls.splice(k, 0, ls[Math.min(k, ls.length - 1)]);
		return encoder.encode(ls.join('\n'));
	},
	toGbk: (b) => new Uint8Array(iconv.encode(decoder.decode(b).replace(/^\uFEFF/, ''), 'gbk')),
	toUtf16: (b) => new Uint8Array([0xff, 0xfe, ...iconv.encode(decoder.decode(b), 'utf16le')]),
	insertQuote: (b, r) => {
		const s = decoder.decode(b);
		const k = Math.floor(r() * s.length);
		return encoder.encode(s.slice(0, k) + '"' + s.slice(k));
	},
	deleteLine: (b, r) => {
		const ls = lines(b);
		ls.splice(Math.floor(r() * ls.length), 1);
		return encoder.encode(ls.join('\n'));
	},
};

/** Markdown an attacker or a careless copy-paste brings (issue 15), inserted anywhere in the story. */
const SNIPPETS = [
	'<script>alert(1)</script>',
	'<meta http-equiv="refresh" content="0;url=https://evil.example/">',
	'| a | b |\n|---|---|\n| `x|<img src=x onerror=alert(1)>` | y |\n',
	'[x](javascript:alert(1))',
	'[x]: javascript:alert(1)\n\n[x]',
	'[^1]\n\n[^1]:\n    [y]: javascript:alert(2)\n',
	'<https://example.org/>',
	'<!-- <script> -->',
	'&lt;script&gt;&#60;img&#62;',
	'{1 + 1}',
	'import x from "y"',
	'export const a = 1',
	'![照片](https://example.org/x.png)',
	'[x](data:text/html;base64,PHNjcmlwdD4=)',
	'\u202E',
	'\u200B',
	'\u0000',
	'\r',
	'\n\n# 标题\n\n',
	'**_~~`',
];
const MDX_MUTATIONS: Record<string, Mutation> = {
	mdxSnippet: (b, r) => {
		const s = decoder.decode(b);
		const k = Math.floor(r() * s.length);
		return encoder.encode(s.slice(0, k) + pick(SNIPPETS, r) + s.slice(k));
	},
	// Block quotes or lists nested up to 6,000 deep, or emphasis marks repeated (issue 15: stack and time).
	mdxNesting: (b, r) => {
		const n = 1 + Math.floor(r() ** 3 * 6000);
		const what = pick(['> ', '- ', '*a ', '['], r);
		const s = decoder.decode(b);
		return encoder.encode(
			what === '- '
				? s + '\n' + Array.from({ length: n }, (_, i) => '  '.repeat(i) + '- x').join('\n')
				: s + '\n' + what.repeat(n),
		);
	},
	flipByte: MUTATIONS.flipByte,
	truncate: MUTATIONS.truncate,
};

/** Every value path of a JSON document: ['thresholds', 'red'], ['indicators', 3, 'max'] … */
function paths(v: unknown, at: (string | number)[] = []): (string | number)[][] {
	if (Array.isArray(v)) return [at, ...v.flatMap((x, i) => paths(x, [...at, i]))];
	if (v && typeof v === 'object') return [at, ...Object.entries(v).flatMap(([k, x]) => paths(x, [...at, k]))];
	return [at];
}
const JSON_MUTATIONS: Record<string, Mutation> = {
	// A value of the wrong type anywhere in the document.
	jsonWrongType: (b, r) => {
		const doc = JSON.parse(decoder.decode(b)) as Record<string, unknown>;
		const at = pick(paths(doc).slice(1), r);
		let parent: Record<string | number, unknown> = doc;
		for (const k of at.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
		parent[at[at.length - 1]] = pick([null, -1, 1e300, '', 'x'.repeat(5000), [], {}, true, '<script>'], r);
		return encoder.encode(JSON.stringify(doc));
	},
	// A document nested up to 100,000 deep, as a value or as the whole file.
	jsonNesting: (b, r) => {
		const n = 1 + Math.floor(r() ** 3 * 100_000);
		const deep = '['.repeat(n) + ']'.repeat(n);
		if (r() < 0.5) return encoder.encode(deep);
		return encoder.encode(decoder.decode(b).replace(/\{/, `{"deep": ${deep},`));
	},
	flipByte: MUTATIONS.flipByte,
	truncate: MUTATIONS.truncate,
};
const PHOTO_MUTATIONS: Record<string, Mutation> = {
	flipByte: MUTATIONS.flipByte,
	truncate: MUTATIONS.truncate,
	appendJunk: (b, r) =>
		new Uint8Array([...b, ...Array.from({ length: 1 + Math.floor(r() * 64) }, () => Math.floor(r() * 256))]),
	// A segment's bytes overwritten: the header stays, the compressed data breaks.
	overwrite: (b, r) => {
		const c = b.slice();
		const k = Math.floor(r() * c.length);
		for (let j = k; j < Math.min(c.length, k + 16); j++) c[j] = Math.floor(r() * 256);
		return c;
	},
};

/** Of 3,000 cases: most on the CSV files (eleven tables), a fifth each on the story and the JSON files, the rest photos. */
const KINDS = [
	{ kind: 'csv', share: 0.5, targets: csvFiles, mutations: MUTATIONS },
	{ kind: 'mdx', share: 0.2, targets: [STORY], mutations: MDX_MUTATIONS },
	{ kind: 'json', share: 0.2, targets: jsonFiles, mutations: JSON_MUTATIONS },
	{ kind: 'photo', share: 0.1, targets: [PHOTO], mutations: PHOTO_MUTATIONS },
] as const;

describe('fuzzed validator', () => {
	it(
		`never throws, and either validates or locates an error of a known code, over ${CASES} seeded mutations of CSV, MDX, JSON and photos`,
		{ timeout: 600_000 },
		async () => {
			// Seeded, so a failing case can be replayed from its number.
			const r = prng(20221122).next;
			const stats: Record<string, { ok: number; failed: number }> = {};
			for (let i = 0; i < CASES; i++) {
				const u = r();
				let acc = 0;
				const kind = KINDS.find((k) => u < (acc += k.share)) ?? KINDS[0];
				const name = pick(Object.keys(kind.mutations), r);
				const target = pick(kind.targets, r);
				const files = new Map(base);
				files.set(target, kind.mutations[name](base.get(target)!, r));
				let d;
				try {
					d = validateDataset(memFiles(files), 'data/');
					if (kind.kind === 'photo') await decodePhotos(d, memFiles(files), decodeWithSharp, 'data/');
				} catch (e) {
					throw new Error(`第 ${i} 例（${name} ${target}）使检查程序崩溃：${(e as Error).stack}`);
				}
				const errors = d.issues.filter((x) => x.severity === 'error');
				for (const e of d.issues)
					expect(Object.keys(ISSUE_CODES), `case ${i} ${name} ${target}`).toContain(e.code);
				for (const e of errors) {
					expect(e.file.startsWith('data/'), `case ${i}`).toBe(true);
					expect(e.line, `case ${i} ${e.file}`).toBeGreaterThanOrEqual(1);
					expect(e.column, `case ${i} ${e.file}`).toBeGreaterThanOrEqual(1);
					expect(e.message.length).toBeGreaterThan(0);
					// One issue per line, a cell quoted short (at most 80 characters and a few words around it).
					expect(e.message, `case ${i} ${name} ${target}`).not.toMatch(/[\r\n]/);
					expect(e.message.length, `case ${i} ${name} ${target}`).toBeLessThan(1000);
				}
				// Nothing lost: a dataset that passes (and so would be published) has every row it read.
				if (errors.length === 0)
					for (const f of d.files) expect(f.rowsValid, `case ${i} ${f.file}`).toBe(f.rowsIn);
				// A story the validator accepts renders inside the allowlist: no parser differential.
				if (kind.kind === 'mdx' && d.stories.has('c1')) {
					const html = renderMarkdown(decoder.decode(files.get(STORY)!).replace(/^\uFEFF/, ''), STORY);
					expect(outsideAllowlist(html), `case ${i} ${name}`).toEqual([]);
				}
				const s = (stats[`${kind.kind} ${name}`] ??= { ok: 0, failed: 0 });
				s[errors.length ? 'failed' : 'ok']++;
			}
			const total = (kind: string) =>
				Object.entries(stats)
					.filter(([k]) => k.startsWith(kind + ' '))
					.reduce((n, [, s]) => n + s.ok + s.failed, 0);
			// Each kind of file had its share of the cases.
			expect(total('csv')).toBeGreaterThan(1200);
			for (const kind of ['mdx', 'json']) expect(total(kind), kind).toBeGreaterThan(480);
			expect(total('photo')).toBeGreaterThan(210);
			// The mutations really exercise the error paths: every kind broke the data at least sometimes.
			for (const n of [
				'csv truncate',
				'csv swapColumns',
				'csv insertQuote',
				'mdx mdxSnippet',
				'mdx mdxNesting',
				'json jsonWrongType',
				'json jsonNesting',
				'photo truncate',
				'photo overwrite',
			])
				expect(stats[n].failed, n).toBeGreaterThan(0);
			// And the hostile snippets are not all refused: accepted ones were rendered and checked.
			expect(stats['mdx mdxSnippet'].ok).toBeGreaterThan(0);
			// A GBK or UTF-16 (with BOM) copy is read correctly, and reordered columns are matched by name: none ever
			// fails on its own.
			expect(stats['csv toGbk'].failed).toBe(0);
			expect(stats['csv toUtf16'].failed).toBe(0);
			expect(stats['csv reorderColumns'].failed).toBe(0);
		},
	);
});
