/**
 * Fuzzed validator: seeded mutations of the valid fixture's files (byte flips, truncations, swapped columns,
 * duplicated rows, encoding changes). Every case either validates or fails with at least one located error; the
 * validator never throws; and no row disappears without an error naming its file.
 */
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { validateDataset } from '../../src/lib/validate/dataset.ts';
import { join } from 'node:path';
import { FIXTURES, memFiles, readFolder } from '../helpers/files.ts';

const CASES = 5000;

/** mulberry32: a small seeded PRNG, so a failing case can be replayed from its number. */
function prng(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const base = readFolder(join(FIXTURES, 'valid'));
const csvFiles = [...base.keys()].filter((k) => k.endsWith('.csv'));
const allFiles = [...base.keys()];
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
const names = Object.keys(MUTATIONS);

describe('fuzzed validator', () => {
	it(
		`never throws, and either validates or locates an error, over ${CASES} seeded mutations`,
		{ timeout: 180_000 },
		() => {
			const r = prng(20221122);
			const stats: Record<string, { ok: number; failed: number }> = Object.fromEntries(
				names.map((n) => [n, { ok: 0, failed: 0 }]),
			);
			for (let i = 0; i < CASES; i++) {
				const files = new Map(base);
				const name = pick(names, r);
				const target = name === 'flipByte' || name === 'truncate' ? pick(allFiles, r) : pick(csvFiles, r);
				files.set(target, MUTATIONS[name](base.get(target)!, r));
				let d;
				try {
					d = validateDataset(memFiles(files), 'data/');
				} catch (e) {
					throw new Error(`第 ${i} 例（${name} ${target}）使检查程序崩溃：${(e as Error).stack}`);
				}
				const errors = d.issues.filter((x) => x.severity === 'error');
				for (const e of errors) {
					expect(e.file.startsWith('data/'), `case ${i}`).toBe(true);
					expect(e.line, `case ${i} ${e.file}`).toBeGreaterThanOrEqual(1);
					expect(e.column, `case ${i} ${e.file}`).toBeGreaterThanOrEqual(1);
					expect(e.message.length).toBeGreaterThan(0);
				}
				// Nothing lost: a dataset that passes (and so would be published) has every row it read.
				if (errors.length === 0)
					for (const f of d.files) expect(f.rowsValid, `case ${i} ${f.file}`).toBe(f.rowsIn);
				stats[name][errors.length ? 'failed' : 'ok']++;
			}
			// The mutations really exercise the error paths: every kind broke the data at least sometimes.
			for (const n of ['truncate', 'swapColumns', 'insertQuote'])
				expect(stats[n].failed, n).toBeGreaterThan(0);
			// A GBK or UTF-16 (with BOM) copy is read correctly, and reordered columns are matched by name: none ever
			// fails on its own.
			expect(stats.toGbk.failed).toBe(0);
			expect(stats.toUtf16.failed).toBe(0);
			expect(stats.reorderColumns.failed).toBe(0);
		},
	);
});
