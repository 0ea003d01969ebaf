/**
 * `npm run validate -- --fix` rewrites the office's own files, so what it must never do is checked on generated files
 * rather than on a few examples: quoted cells holding commas, quotes and line breaks, `""` inside quotes, blank rows,
 * CRLF, LF and CR line endings mixed in one file, blank columns at the header's end, and cells that need fixing beside
 * ones that must stay as typed.
 *
 * For each file: the fixed file reads (as the validator reads it) exactly as the original, row for row and cell for
 * cell, except the cells the change list names, each at the line and column where the original has it and from the
 * value the original has there; free text keeps everything but its outer spaces; a second run changes nothing; and a
 * file is left alone only when the validator reports its structure. Then, on a data folder: which files are listed.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { fixCsv, fixFolder, formatChange, type FixResult } from '../../src/lib/validate/fix.ts';
import { fixture, fixtureText } from '../helpers/files.ts';
import { parseCsv } from '../../src/lib/csv.ts';
import { unitTable } from '../../src/schemas/unit.ts';

const HEADER = unitTable.columns.map((c) => c.header);
const NOTE = HEADER.indexOf('备注');

/** Values as clerks type them: ones --fix corrects, ones it must keep, and ones that need quotes. */
const VALUES = [
	'',
	't1',
	'ｔ2',
	' t1 ',
	'镇街',
	'Ａ类',
	'2022/1/1',
	'２０２２－０１－０１',
	'2022年1月1日',
	'2022-01-01',
	'  ',
	'a,b',
	'说"明',
	'"引号"',
	'两\n行',
	'两\r\n行',
	'两\r行',
	'\n开头的换行',
	'备注（３次） ',
	' 前后空格 ',
];

const cell = fc.oneof(
	{ weight: 30, arbitrary: fc.record({ value: fc.constantFrom(...VALUES), quote: fc.boolean() }) },
	// Written as is: a quote inside a cell not quoted from its start, spaces after a closing quote (both read as Excel
	// reads them), and a quote never closed (the rest of the file is its value: the validator refuses the file).
	{
		weight: 3,
		arbitrary: fc.record({
			value: fc.constantFrom('a"b', ' "x"', '"a" ', '"2022/1/1"\t', '"ｔ1"\u3000', '"没有闭合'),
			raw: fc.constant(true),
		}),
	},
);
const ending = fc.constantFrom('\r\n', '\n', '\r');
const row = (width: number) => fc.array(cell, { minLength: 1, maxLength: width + 1 });

const fileArb = fc
	.record({
		bom: fc.boolean(),
		// As Excel saves it: "CSV UTF-8" (with a BOM), "CSV" on a Chinese Windows (GBK), "Unicode text" (UTF-16).
		encoding: fc.constantFrom('utf-8', 'utf-8', 'gbk', 'utf-16le'),
		blankTail: fc.integer({ min: 0, max: 2 }),
		// Spaces around a header cell (the blank ones at the end too), as a clerk's typing leaves them.
		// A column of the clerk's own the table does not have (the validator names it; --fix still trims its cells).
		ownColumn: fc.boolean(),
		headerPads: fc.option(fc.array(fc.constantFrom('', ' ', '　'), { minLength: 18, maxLength: 18 })),
		endings: fc.array(ending, { minLength: 8, maxLength: 8 }),
		lastEnds: fc.boolean(),
	})
	.chain((f) =>
		fc.record({
			f: fc.constant(f),
			rows: fc.array(
				fc.oneof(
					{ weight: 6, arbitrary: row(HEADER.length + Number(f.ownColumn) + f.blankTail) },
					// A blank row: nothing at all, or only commas.
					{
						weight: 1,
						arbitrary: fc.constantFrom(
							[],
							[
								{ value: '', quote: false },
								{ value: '', quote: false },
							],
						),
					},
				),
				{ minLength: 1, maxLength: 7 },
			),
		}),
	)
	.map(({ f, rows }) => {
		const write = (c: { value: string; quote?: boolean; raw?: boolean }) =>
			!c.raw && (c.quote || /[",\r\n]/.test(c.value)) ? `"${c.value.replace(/"/g, '""')}"` : c.value;
		const header = [...HEADER, ...(f.ownColumn ? ['附件'] : []), ...Array(f.blankTail).fill('')]
			.map((h, i) => (f.headerPads ? f.headerPads[2 * i] + h + f.headerPads[2 * i + 1] : h))
			.join(',');
		const lines = [header, ...rows.map((r) => r.map(write).join(','))];
		const text = lines.map((l, i) => l + (i < lines.length - 1 || f.lastEnds ? f.endings[i] : '')).join('');
		if (f.encoding === 'gbk') return { text, encoding: 'gbk', bytes: iconv.encode(text, 'gbk') };
		if (f.encoding === 'utf-16le')
			return { text, encoding: 'utf-16le', bytes: iconv.encode(`\uFEFF${text}`, 'utf-16le') };
		const withBom = (f.bom ? '\uFEFF' : '') + text;
		return { text, encoding: f.bom ? 'utf-8-bom' : 'utf-8', bytes: new TextEncoder().encode(withBom) };
	});

/** The change that says how the file's encoding was converted, by how it was saved. */
const ENCODING_CHANGE: Record<string, string | undefined> = {
	'utf-8': 'UTF-8（无 BOM）',
	'utf-8-bom': undefined,
	gbk: 'GBK/GB18030 编码',
	'utf-16le': 'UTF-16 编码',
};

const fix = (text: string | Uint8Array): FixResult =>
	fixCsv(
		unitTable,
		typeof text === 'string' ? new TextEncoder().encode(text) : text,
		'data/units.csv',
		'units.csv',
	);
const decode = (b: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(b);
const read = (text: string) => parseCsv(text.replace(/^\uFEFF/, ''), 'data/units.csv');

describe('--fix on generated files', () => {
	it('changes only the cells it lists, from the value each has, keeps free text but its outer spaces, and is done after one run', () => {
		const seen = { refused: 0, cellsFixed: 0, tailCut: 0, lineBreakInCell: 0, onlyEncoding: 0 };
		fc.assert(
			fc.property(fileArb, ({ text, encoding, bytes }) => {
				const before = read(text);
				const r = fix(bytes);
				if (before.issues.length) {
					seen.refused++;
					// Left alone, with the validator to explain why.
					expect(r.skipped).toMatch(/CSV 结构有问题/);
					return;
				}
				expect(r.skipped).toBeUndefined();
				// Whatever the file was saved as, it is written as UTF-8 with a BOM, and that is listed like any other change.
				expect(r.changes.filter((c) => c.to === 'UTF-8（带 BOM）').map((c) => c.from)).toEqual(
					ENCODING_CHANGE[encoding] ? [ENCODING_CHANGE[encoding]] : [],
				);
				if (!r.bytes) {
					expect(r.changes).toEqual([]);
					return;
				}
				const fixedText = decode(r.bytes);
				expect(fixedText.startsWith('\uFEFF')).toBe(true);
				const after = read(fixedText);
				expect(after.issues).toEqual([]);
				const old = [before.table!.header, ...before.table!.rows.map((x) => x.cells)];
				const oldLines = [1, ...before.table!.rows.map((x) => x.line)];
				const now = [after.table!.header, ...after.table!.rows.map((x) => x.cells)];
				expect(now.length).toBe(old.length);
				// Every cell under the header has lost its outer spaces, the header's own included (the cells of a row longer
				// than the header are left as they are: the validator names the row).
				for (const c of now) expect(c.slice(0, now[0].length).filter((v) => v !== v.trim())).toEqual([]);
				const cut = r.changes.find((c) => c.to === '删去');
				const cells = r.changes.filter((c) => c.from.startsWith('"'));
				if (cut) seen.tailCut++;
				if (cells.length) seen.cellsFixed++;
				else if (!cut) seen.onlyEncoding++;
				if (old.some((c) => c.some((v) => /[\r\n]/.test(v)))) seen.lineBreakInCell++;
				const listed = new Map(cells.map((c) => [`${c.line}:${c.column}`, c]));
				expect(listed.size).toBe(cells.length);
				let used = 0;
				old.forEach((cellsBefore, i) => {
					const width = cut ? cut.column - 1 : cellsBefore.length;
					// The blank columns cut off held nothing but spaces.
					expect(cellsBefore.slice(width).every((v) => v.trim() === '')).toBe(true);
					expect(now[i].length).toBe(Math.min(width, cellsBefore.length));
					cellsBefore.slice(0, width).forEach((v, j) => {
						const change = listed.get(`${oldLines[i]}:${j + 1}`);
						if (!change) {
							expect(now[i][j], `line ${oldLines[i]} column ${j + 1}`).toBe(v);
							return;
						}
						used++;
						expect(change.from).toBe(JSON.stringify(v));
						expect(JSON.stringify(now[i][j])).toBe(change.to);
						if (j === NOTE && i > 0) expect(now[i][j]).toBe(v.trim());
					});
				});
				// Every change listed is a cell of the file.
				expect(used).toBe(cells.length);
				expect(fix(fixedText).changes).toEqual([]);
			}),
			{ numRuns: 2000, seed: 20221122 },
		);
		// The generated files reach every way through: refused, cells fixed, blank columns cut, only the BOM added, and
		// cells holding line breaks (which move the lines of the rows after them).
		for (const [what, n] of Object.entries(seen)) expect(n, what).toBeGreaterThan(0);
	});

	it('fixes a file whose cells the validator reads but RFC 4180 would not: a quote inside a cell, spaces after a closing quote', () => {
		// Until 2026-12-04 --fix left such a file alone, saying its CSV structure had a problem that the validator,
		// which reads these cells as Excel does, did not report.
		const text = `${HEADER.join(',')}\r\nt1,镇街,2022/1/1,,,5"寸\r\nt2,镇街,"2022/1/2"\t,,,"备注" \r\n`;
		const r = fix(text);
		expect(r.skipped).toBeUndefined();
		expect(r.changes.map((c) => `${c.line}:${c.column} ${c.from} → ${c.to}`)).toEqual([
			'1:1 UTF-8（无 BOM） → UTF-8（带 BOM）',
			'2:3 "2022/1/1" → "2022-01-01"',
			'3:3 "2022/1/2" → "2022-01-02"',
		]);
		// The quote in 5"寸, the tab after the changed cell and the space after "备注" stay as typed.
		expect(decode(r.bytes!)).toBe(
			`\uFEFF${HEADER.join(',')}\r\nt1,镇街,2022-01-01,,,5"寸\r\nt2,镇街,"2022-01-02"\t,,,"备注" \r\n`,
		);
	});

	it('takes the blank columns at the end off a row whose last named cell has spaces after its closing quote, spaces and all', () => {
		// Left at the end of the file, "备注"<tab> would read as the text 备注"<tab>.
		const text = `${HEADER.join(',')},\r\nt1,镇街,,,,"备注"\t,`;
		const r = fix(text);
		expect(r.changes.map((c) => `${c.line}:${c.column} ${c.to}`)).toEqual([
			'1:1 UTF-8（带 BOM）',
			'1:7 删去',
		]);
		expect(decode(r.bytes!)).toBe(`\uFEFF${HEADER.join(',')}\r\nt1,镇街,,,,"备注"`);
		expect(read(decode(r.bytes!)).table!.rows[0].cells).toEqual(['t1', '镇街', '', '', '', '备注']);
	});
});

describe('--fix on a data folder', () => {
	it('lists the files of the tables it changed or left alone, folder by folder, and nothing else', () => {
		const files = fixture({
			// A full-width letter in an id; and the evidence file saved without its BOM.
			'units.csv': `\uFEFF${fixtureText('units.csv').replace('t2,', 'ｔ2,')}`,
			'evidence/2022-Q1.csv': fixtureText('evidence/2022-Q1.csv'),
			// A quote never closed: left alone, with the reason.
			'commitments/updates.csv': `\uFEFF${fixtureText('commitments/updates.csv')}x,"没有闭合\r\n`,
			// Not a table's file: never read, never written.
			'evidence/说明.txt': 'ｔ2',
			'other/units.csv': 'ｔ2',
		});
		const results = fixFolder(files, 'data/');
		expect(results.map((r) => [r.rel, r.skipped ?? '', r.changes.map(formatChange)])).toEqual([
			['units.csv', '', ['data/units.csv:3:1: "ｔ2" → "t2"']],
			['commitments/updates.csv', 'CSV 结构有问题（引号、空文件等），单元格未修正；请先按检查结果改正', []],
			['evidence/2022-Q1.csv', '', ['data/evidence/2022-Q1.csv:1:1: UTF-8（无 BOM） → UTF-8（带 BOM）']],
		]);
		// The untouched fixture has nothing to fix.
		expect(fixFolder(fixture(), 'data/')).toEqual([]);
	});
});
