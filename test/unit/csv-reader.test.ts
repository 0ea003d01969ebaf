/**
 * The reader of the office's files (`src/lib/csv.ts`), byte by byte: which bytes are UTF-8, which lines are Chinese
 * UTF-8 pasted into a GBK file, the line every encoding problem is reported at whatever the line ends, long files
 * decoded in pieces, and the rows and quote errors of the CSV parser. The expected lines are counted by hand; the
 * validity of each byte sequence is the one the WHATWG UTF-8 decoder (Node's `TextDecoder`) gives.
 */
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeText, eachCsvRow, parseCsv, type CsvRow } from '../../src/lib/csv.ts';
import { lineColumn } from '../../src/lib/text-position.ts';
import { prng } from '../../scripts/lib/gen-scale/random.ts';

const bytes = (...parts: (string | number[] | Uint8Array)[]) =>
	new Uint8Array(
		Buffer.concat(
			parts.map((p) =>
				typeof p === 'string' ? Buffer.from(p, 'utf8') : Array.isArray(p) ? Buffer.from(p) : Buffer.from(p),
			),
		),
	);
const gbk = (s: string) => new Uint8Array(iconv.encode(s, 'gbk'));
const utf16 = (s: string, le: boolean) => {
	const b = Buffer.from(s, 'utf16le');
	if (!le) b.swap16();
	return bytes(le ? [0xff, 0xfe] : [0xfe, 0xff], b);
};
/** The line and code of the single problem a file has. */
const problem = (b: Uint8Array, file: string) => {
	const { text, issues } = decodeText(b, file);
	expect(text, 'not decoded').toBeUndefined();
	expect(issues).toHaveLength(1);
	return `${issues[0].line} ${issues[0].code}`;
};
const isUtf8 = (b: number[]) => {
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(b));
		return true;
	} catch {
		return false;
	}
};

describe('which bytes are UTF-8, line by line', () => {
	/** Every boundary of the UTF-8 table (Unicode §3.9, table 3-7), one sequence per line. */
	const SEQUENCES: number[][] = [
		[0x7f],
		[0x80],
		[0xbf],
		// Continuation bytes and overlong leads are no start of a three- or four-byte sequence either.
		[0x80, 0x80, 0x80],
		[0x80, 0x80, 0x80, 0x80],
		[0xc0, 0x80, 0x80],
		[0xc1, 0xbf, 0xbf],
		[0xc1, 0x80, 0x80, 0x80],
		[0xc0, 0x80],
		[0xc1, 0xbf],
		[0xc2, 0x80],
		[0xc2, 0x7f],
		[0xc2, 0xc0],
		[0xdf, 0xbf],
		[0xe0, 0x9f, 0xbf],
		[0xe0, 0xa0, 0x80],
		[0xe1, 0x80, 0x80],
		[0xe1, 0x7f, 0x80],
		[0xe1, 0x80, 0x7f],
		[0xe1, 0x80, 0xc0],
		[0xe1, 0xc0, 0x80],
		[0xec, 0xbf, 0xbf],
		[0xed, 0x9f, 0xbf],
		[0xed, 0xa0, 0x80],
		[0xee, 0x80, 0x80],
		[0xef, 0xbf, 0xbf],
		[0xef, 0xbf],
		[0xf0, 0x8f, 0xbf, 0xbf],
		[0xf0, 0x90, 0x80, 0x80],
		[0xf1, 0x80, 0x80, 0x80],
		[0xf1, 0x80, 0x80, 0x7f],
		[0xf1, 0x80, 0x7f, 0x80],
		[0xf1, 0x80, 0x80, 0xc0],
		[0xf3, 0xbf, 0xbf, 0xbf],
		[0xf4, 0x8f, 0xbf, 0xbf],
		[0xf4, 0x90, 0x80, 0x80],
		[0xf5, 0x80, 0x80, 0x80],
		[0xff],
	];
	it.each(SEQUENCES.map((s) => [s.map((b) => b.toString(16)).join(' '), s] as const))(
		'%s: a UTF-8-only file is refused at its first line that is not UTF-8',
		(_, seq) => {
			// Line 1 holds the sequence between ASCII letters, line 2 a byte that is never UTF-8.
			const file = bytes('a', seq, 'b\n', [0xff], '\n');
			expect(problem(file, 'site.json')).toBe(`${isUtf8(seq) ? 2 : 1} bad-encoding`);
		},
	);

	it('counts CRLF as one line end and a lone CR as one, also right before the bad byte', () => {
		expect(problem(bytes('a\r\n', [0xff]), 'a.json')).toBe('2 bad-encoding');
		expect(problem(bytes('a\r', [0xff]), 'a.json')).toBe('2 bad-encoding');
		expect(problem(bytes('a\n\r\n', [0xff]), 'a.json')).toBe('3 bad-encoding');
		expect(problem(bytes('a\r\r\n', [0xff]), 'a.json')).toBe('3 bad-encoding');
		expect(problem(bytes('\r\n\r\n\r', [0xff]), 'a.json')).toBe('4 bad-encoding');
		// A sequence cut short by the line end is not UTF-8, and the line end still counts.
		expect(problem(bytes('a', [0xe4, 0xb8], '\r\nb', [0xff]), 'a.json')).toBe('1 bad-encoding');
		expect(problem(bytes('a\n', [0xe4, 0xb8]), 'a.json')).toBe('2 bad-encoding');
	});

	it('reports a UTF-8 file with a BOM at its first line that is not UTF-8', () => {
		expect(problem(bytes([0xef, 0xbb, 0xbf], '表头\r\n中文\r', [0xb5, 0xa5], '\n'), 'units.csv')).toBe(
			'3 mixed-encoding',
		);
	});
});

describe('Chinese UTF-8 in a GBK file', () => {
	/** A GBK header (never UTF-8: B5 A5 …) and a UTF-8 line holding one character. */
	const file = (ch: string) => bytes(gbk('单位,名称\n'), `x,${ch}\n`);
	it.each([
		['U+2E80 ⺀ (first CJK radical)', '\u2e80'],
		['U+4E2D 中', '中'],
		['U+9FFF (last of the unified ideographs)', '\u9fff'],
		['U+3001 、', '、'],
		['U+FF00 (first of the full-width forms)', '\uff00'],
		['U+FF0C ，', '，'],
		['U+FFEF (last of the full-width forms)', '\uffef'],
		['U+2000 (first of the punctuation and symbols Chinese text borrows)', '\u2000'],
		['U+201C “', '\u201c'],
		['U+27BF ➿ (last of them)', '\u27bf'],
	])('refuses the file for %s: the line is UTF-8 text pasted in', (_, ch) => {
		expect(problem(file(ch), 'units.csv')).toBe('2 mixed-encoding');
	});
	it.each([
		['U+2E7F', '\u2e7f'],
		['U+A000 ꀀ (Yi)', '\ua000'],
		['U+FEFF', '\ufeff'],
		['U+FFF0', '\ufff0'],
		['U+00E9 é (two bytes)', 'é'],
		['U+1FFF (just before the punctuation)', '\u1fff'],
		['U+27C0 (just after the symbols)', '\u27c0'],
	])('reads %s as GBK: outside the Chinese ranges, the line proves nothing', (_, ch) => {
		const { text, encoding, issues } = decodeText(file(ch), 'units.csv');
		expect(encoding).toBe('gb18030');
		expect(text).toBe(iconv.decode(Buffer.from(file(ch)), 'gb18030'));
		expect(issues.map((i) => `${i.line} ${i.code} ${i.severity}`)).toEqual(['1 encoding-gbk warning']);
	});

	it('names the UTF-8 line and the GBK line in either order, with ASCII lines before them', () => {
		const gbkFirst = decodeText(bytes('id,name\r\n', gbk('a,单位\r\n'), 'b,中文\r\n'), 'units.csv').issues;
		expect(gbkFirst.map((i) => [i.line, i.code])).toEqual([[3, 'mixed-encoding']]);
		expect(gbkFirst[0].message).toContain('第 3 行是 UTF-8，第 2 行是 GBK');
		const utf8First = decodeText(bytes('id,name\n\n', 'b,中文\n', gbk('a,单位\n')), 'units.csv').issues;
		expect(utf8First.map((i) => [i.line, i.code])).toEqual([[4, 'mixed-encoding']]);
		expect(utf8First[0].message).toContain('第 3 行是 UTF-8，第 4 行是 GBK');
	});

	it('does not carry one line’s Chinese or non-ASCII bytes over to the next line', () => {
		// Line 1 is Chinese UTF-8 in a file whose only other non-ASCII line is GBK: mixed, naming line 1.
		const a = decodeText(bytes('中\n', 'x\n', gbk('单位\n')), 'units.csv').issues;
		expect(a[0].message).toContain('第 1 行是 UTF-8，第 3 行是 GBK');
		// A GBK line and an é line, in either order: GBK text (the é line is no proof), not a mixed file.
		expect(decodeText(bytes(gbk('单位\n'), 'é\n'), 'units.csv').encoding).toBe('gb18030');
		expect(decodeText(bytes('é\n', gbk('单位\n')), 'units.csv').encoding).toBe('gb18030');
		// A Chinese UTF-8 line after an ASCII line after a GBK line: the UTF-8 line is line 3.
		expect(decodeText(bytes(gbk('单位\n'), 'ab\n', '中\n'), 'units.csv').issues[0].line).toBe(3);
		// The last line counts though no line end follows it.
		expect(problem(bytes(gbk('单位\n'), 'x,中'), 'units.csv')).toBe('2 mixed-encoding');
	});

	it('refuses a line that is neither UTF-8 nor GB18030 at that line, whatever the line ends', () => {
		// 0xFF is invalid in both; the UTF-8 line 2 is not GB18030 but is UTF-8, so it is not the bad one.
		const b = bytes(gbk('单位\r\n'), '中\r', 'ok\n', [0x61, 0xff], '\n');
		expect(problem(b, 'units.csv')).toBe('4 bad-encoding');
		expect(problem(bytes(gbk('单位\r\n'), [0xff]), 'units.csv')).toBe('2 bad-encoding');
		// The bad byte right after an LF, after a blank line, and after a lone CR.
		expect(problem(bytes(gbk('单位\n'), [0xff], 'a\n'), 'units.csv')).toBe('2 bad-encoding');
		expect(problem(bytes(gbk('单位\n\n'), [0xff]), 'units.csv')).toBe('3 bad-encoding');
		expect(problem(bytes(gbk('单位\r'), [0xff]), 'units.csv')).toBe('2 bad-encoding');
	});
});

describe('which encodings a file may be in', () => {
	it('reads GBK only in a .csv file, whatever the case of its extension', () => {
		expect(decodeText(gbk('单位\n'), 'UNITS.CSV').encoding).toBe('gb18030');
		expect(problem(gbk('单位\n'), 'units.json')).toBe('1 bad-encoding');
		expect(problem(gbk('单位\n'), 'story.mdx')).toBe('1 bad-encoding');
		expect(decodeText(gbk('单位\n'), 'story.mdx', 'csv').encoding).toBe('gb18030');
	});

	it('refuses UTF-16 in a JSON file, and reads it in a CSV file', () => {
		const { issues } = decodeText(utf16('{"a":1}\n', true), 'site.json');
		expect(issues.map((i) => [i.line, i.code, i.severity])).toEqual([[1, 'bad-encoding', 'error']]);
		expect(issues[0].message).toContain('UTF-16');
		expect(issues[0].message).toContain('UTF-8');
		expect(decodeText(utf16('a,b\n', false), 'x.csv')).toMatchObject({ text: 'a,b\n', encoding: 'utf-16' });
	});

	it('takes only FF FE and FE FF for a UTF-16 BOM, each byte in its place', () => {
		const neither = (b: Uint8Array) => {
			expect(problem(b, 'x.csv')).toBe('1 bad-encoding');
			expect(decodeText(b, 'x.csv').issues[0].message).toContain('既不是 UTF-8 也不是 GBK/GB18030');
		};
		neither(bytes([0xff, 0x41], '\n'));
		neither(bytes([0x41, 0xff], '\n'));
		neither(bytes([0x41, 0xfe], '\n'));
		// GBK whose second byte is FE (二 is B6 FE), and GB18030 whose first is FE (⺁ is FE 50): not UTF-16.
		expect(decodeText(gbk('二,名称\n'), 'x.csv')).toMatchObject({ text: '二,名称\n', encoding: 'gb18030' });
		expect(decodeText(bytes([0xfe, 0x50], '\n'), 'x.csv')).toMatchObject({
			text: '⺁\n',
			encoding: 'gb18030',
		});
	});

	it('marks the GBK and UTF-16 warnings as fixed by --fix', () => {
		for (const b of [gbk('单位\n'), utf16('a,b\n', true)])
			expect(decodeText(b, 'x.csv').issues).toEqual([
				expect.objectContaining({ line: 1, column: 1, severity: 'warning', fixable: true }),
			]);
	});

	it('keeps a second BOM after the UTF-16 BOM as a character of the text', () => {
		expect(decodeText(utf16('\ufeffa,b\n', true), 'x.csv').text).toBe('\ufeffa,b\n');
	});

	it('tells Excel’s tab-separated "Unicode 文本" by its first line alone', () => {
		const unicodeText = (s: string) => decodeText(utf16(s, true), 'x.csv').issues.map((i) => i.severity);
		// Tabs and no comma on the first line: refused, whatever the lines after it hold.
		expect(unicodeText('a\tb\n1,2\n')).toEqual(['error']);
		// One line, no line end, its one tab the last character.
		expect(unicodeText('名称\t')).toEqual(['error']);
		// A single column (no tab, no comma) and a comma after the tab: CSV.
		expect(unicodeText('名称\n单位\n')).toEqual(['warning']);
		expect(unicodeText('a\tb,')).toEqual(['warning']);
	});

	it('reports a UTF-16 file cut short, and an unpaired surrogate at its line', () => {
		const odd = utf16('a,b\n', true).subarray(0, 7);
		expect(problem(odd, 'x.csv')).toBe('1 bad-encoding');
		expect(decodeText(odd, 'x.csv').issues[0].message).toContain('不是偶数个字节');
		for (const le of [true, false]) {
			// Line 4 (CRLF, CR and LF line ends before it) holds a lone high surrogate.
			const b = utf16('h\r\n1\r2\nx\ud800y\n', le);
			expect(problem(b, 'x.csv'), String(le)).toBe('4 bad-encoding');
			// Two CRLFs, a lone CR and an LF: line 5.
			expect(problem(utf16('h\r\n1\r2\r\n3\nx\ud800', le), 'x.csv'), String(le)).toBe('5 bad-encoding');
			expect(decodeText(b, 'x.csv').issues[0].message).toContain('无效的 UTF-16 字符');
		}
	});

	it('names the line of a NUL byte, whatever the line ends', () => {
		expect(problem(bytes([0x00, 0x41]), 'x.csv')).toBe('1 bad-encoding');
		expect(problem(bytes('a\r\nb\rc\n', [0x64, 0x00]), 'x.csv')).toBe('4 bad-encoding');
		expect(problem(bytes([0xef, 0xbb, 0xbf], 'a\r\n\r\n', [0x00]), 'x.csv')).toBe('3 bad-encoding');
	});
});

describe('a file that decodes as GB18030 but is not GBK text (Big5, or symbols no office file holds)', () => {
	/** What the reader makes of a file: `gbk` when it reads it as GBK, else the line and code of its one problem. */
	const verdict = (b: Uint8Array) => {
		const { encoding, issues } = decodeText(b, 'units.csv');
		return encoding === 'gb18030' ? 'gbk' : `${issues[0].line} ${issues[0].code}`;
	};
	/** `n` copies of one two-byte character. */
	const times = (n: number, lead: number, trail: number) =>
		Array.from({ length: n }, () => [lead, trail]).flat();
	const message = (b: Uint8Array) => decodeText(b, 'units.csv').issues[0].message;

	it.each([
		{
			label: 'A3A1 ！ (full-width punctuation, the row before the kana)',
			lead: 0xa3,
			trail: 0xa1,
			expected: 'gbk',
		},
		{
			label: 'A4A1 ぁ (hiragana: the first row GBK text never holds)',
			lead: 0xa4,
			trail: 0xa1,
			expected: '1 bad-encoding',
		},
		{ label: 'A9A4 ─ (box drawing: the last such row)', lead: 0xa9, trail: 0xa4, expected: '1 bad-encoding' },
		{
			label: 'AAA1 (user-defined: the first lead of the block)',
			lead: 0xaa,
			trail: 0xa1,
			expected: '1 bad-encoding',
		},
		{
			label: 'AFA1 (user-defined: the last lead of the block)',
			lead: 0xaf,
			trail: 0xa1,
			expected: '1 bad-encoding',
		},
		{ label: 'B0A1 啊 (the first GB2312 character)', lead: 0xb0, trail: 0xa1, expected: 'gbk' },
		{ label: "F7A1 鳌 (GB2312's last row)", lead: 0xf7, trail: 0xa1, expected: 'gbk' },
		{ label: 'F8A1 (user-defined: from lead F8 on)', lead: 0xf8, trail: 0xa1, expected: '1 bad-encoding' },
		{
			label: 'B0A0 盃 (a GBK extension: rare, as in a name, never refused alone)',
			lead: 0xb0,
			trail: 0xa0,
			expected: 'gbk',
		},
	])('a file of ten $label: $expected', ({ lead, trail, expected }) => {
		expect(verdict(bytes(times(10, lead, trail)))).toBe(expected);
	});

	it('refuses at exactly a quarter rare and a tenth never held, and reads one character short of either', () => {
		const never = [0xa4, 0xa1]; // ぁ: rare, and never held
		const ext = [0xb0, 0xa0]; // 盃: rare only; 啊 (B0A1) is neither
		// 4 characters, 1 rare (never held): 1 × 4 is not under 4, and 1 × 10 not under 4: refused.
		expect(verdict(bytes(never, times(3, 0xb0, 0xa1)))).toBe('1 bad-encoding');
		// 5 characters, the same one rare: 4 is under 5, read.
		expect(verdict(bytes(never, times(4, 0xb0, 0xa1)))).toBe('gbk');
		// 10 characters, 3 rare of which 1 never held: 12 ≥ 10, and 10 is not under 10: refused.
		expect(verdict(bytes(never, ext, ext, times(7, 0xb0, 0xa1)))).toBe('1 bad-encoding');
		// 11 characters: 12 ≥ 11 still, but 10 is under 11: read.
		expect(verdict(bytes(never, ext, ext, times(8, 0xb0, 0xa1)))).toBe('gbk');
	});

	it('reads a file whose only non-ASCII byte is a euro sign (0x80, as Windows writes it in GBK)', () => {
		expect(decodeText(bytes('a,', [0x80], '\n'), 'units.csv')).toMatchObject({
			encoding: 'gb18030',
			text: 'a,€\n',
		});
	});

	it('takes a lone 0x80 as one character, not as the lead of a pair', () => {
		// €ぁ on each line: the ぁ makes the file not GBK. Taken as a pair, "80 A4" would hide it, and "A1 0A" after it
		// would be a merely rare one.
		expect(verdict(bytes([0x80, 0xa4, 0xa1, 0x0a, 0x80, 0xa4, 0xa1, 0x0a]))).toBe('1 bad-encoding');
	});

	it('skips a four-byte GB18030 character whole (its second byte a digit, 0x30–0x39)', () => {
		// 81 30 A4 30 is ȃ and 81 39 A4 39 is 〯; taken as two pairs, "A4 30" would count as a character GBK never holds.
		for (const c of [
			[0x81, 0x30, 0xa4, 0x30],
			[0x81, 0x39, 0xa4, 0x39],
		])
			expect(verdict(bytes(Array.from({ length: 10 }, () => c).flat()))).toBe('gbk');
	});

	it.each([
		['LF', '\n'],
		['CRLF', '\r\n'],
		['CR', '\r'],
	])('names the line of the first rare character, lines ended by %s', (_, eol) => {
		expect(verdict(bytes(`id${eol}a${eol}`, times(10, 0xa4, 0xa1), eol))).toBe('3 bad-encoding');
	});

	it('quotes the line read as GBK up to its end, 12 characters at most', () => {
		// Line 1 is ぁ (A4A1), line 2 あ (A4A2): the sample stops at the line end, whichever it is.
		expect(message(bytes(times(12, 0xa4, 0xa1), '\n', times(12, 0xa4, 0xa2)))).toContain(
			`按 GBK 读作 "${'ぁ'.repeat(12)}"`,
		);
		expect(message(bytes(times(13, 0xa4, 0xa1), '\n', times(12, 0xa4, 0xa2)))).toContain(
			`按 GBK 读作 "${'ぁ'.repeat(12)}…"`,
		);
		expect(message(bytes(times(2, 0xa4, 0xa1), '\r', times(2, 0xa4, 0xa2)))).toContain(
			'按 GBK 读作 "ぁぁ"，',
		);
		// The last line, with no line end after it.
		expect(message(bytes('id\n', times(3, 0xa4, 0xa1)))).toContain('按 GBK 读作 "ぁぁぁ"');
	});
});

describe('UTF-16 saved without its BOM', () => {
	const message = (b: Uint8Array) => decodeText(b, 'units.csv').issues[0].message;
	const le = (s: string) => new Uint8Array(Buffer.from(s, 'utf16le'));
	const NO_BOM = '没有 BOM 的 UTF-16';
	const NUL = '含有空字节';

	it('is told from four NULs on one side, and nine in ten of them there', () => {
		// a , b LF: four NULs, each at an odd offset.
		expect(message(le('a,b\n'))).toContain(NO_BOM);
		// Three are too few to tell.
		expect(message(le('a,\n'))).toContain(NUL);
		// Nine ASCII characters and 愀 (U+6100, bytes 00 61: its NUL at an even offset): 9 of 10 on one side.
		expect(message(le('a,b,c,d,\n愀'))).toContain(NO_BOM);
		// Eight and 愀: 8 of 9 is under nine in ten.
		expect(message(le('a,b,c,d\n愀'))).toContain(NUL);
	});
});

describe('long files, decoded a piece at a time', () => {
	const PIECE = 256 * 1024;
	it('reads a character split across two pieces, and files of exactly one piece and one byte more', () => {
		for (const size of [PIECE - 1, PIECE, PIECE + 1, 2 * PIECE + 2]) {
			// 中 is three bytes: at some size one of them lies across a piece boundary.
			const text = 'a'.repeat(size - 3) + '中';
			for (const pad of ['', 'b', 'bc']) {
				const t = pad + text;
				const { text: out, encoding } = decodeText(bytes(t), 'x.csv');
				expect([out === t, encoding], `${size} ${pad.length}`).toEqual([true, 'utf-8']);
			}
		}
	});

	it('does not read a long file whose last character is cut short as UTF-8', () => {
		const b = bytes('a'.repeat(PIECE + 10), '\n', [0xe4, 0xb8]);
		expect(decodeText(b, 'x.json').issues.map((i) => `${i.line} ${i.code}`)).toEqual(['2 bad-encoding']);
		expect(decodeText(b, 'x.csv').encoding).not.toBe('utf-8');
	});
});

describe('CSV rows', () => {
	const rows = (text: string) => {
		const out: CsvRow[] = [];
		const issues = eachCsvRow(text, 'x.csv', (r) => out.push(r));
		return { rows: out.map((r) => `${r.line}/${r.row} ${r.cells.join('|')}`), issues };
	};

	it('numbers rows by the line they start on and by the row the spreadsheet shows, blank rows skipped', () => {
		expect(rows('h1,h2\r\n\r\na,b\r\n,\r\n\r\nc,d\r\n').rows).toEqual(['1/1 h1|h2', '3/3 a|b', '6/6 c|d']);
		expect(rows('h\n"x\ny"\nz\n').rows).toEqual(['1/1 h', '2/2 x\ny', '4/3 z']);
		expect(rows('h\r"x\r\ny"\r\r z \r').rows).toEqual(['1/1 h', '2/2 x\r\ny', '5/4  z ']);
	});

	it('ends a row at its own line end when a file mixes CRLF, a lone CR and LF, as a spreadsheet shows it', () => {
		// A row pasted from another file into a file of CRLF rows: papaparse alone, taking one line end for the whole
		// file, read "a,b␍c,d" as the three cells a | b␍c | d.
		expect(rows('h1,h2\r\na,b\rc,d\r\ne,f\n')).toEqual({
			rows: ['1/1 h1|h2', '2/2 a|b', '3/3 c|d', '4/4 e|f'],
			issues: [],
		});
		// Line breaks inside quoted cells are the cells' text, kept as they were; the rows still start on their lines.
		expect(rows('h1,h2\r\n"x\ny",b\rc,"p\r\nq"\n').rows).toEqual(['1/1 h1|h2', '2/2 x\ny|b', '4/3 c|p\r\nq']);
		// A quote inside a cell that is not quoted is a character; "" inside a quoted cell is one quote; spaces may
		// follow a closing quote.
		expect(rows('h\r\na"b\r"c""\r\nd"\n"e" ,f\r\n').rows).toEqual([
			'1/1 h',
			'2/2 a"b',
			'3/3 c"\r\nd',
			'5/4 e|f',
		]);
		// A quote never closed still swallows the rest of the file, reported where its row starts.
		expect(rows('h1,h2\r\n"a"\r\nb"\r\n"c\n')).toMatchObject({
			rows: ['1/1 h1|h2', '2/2 a', '3/3 b"', '4/4 c\n'],
			issues: [{ line: 4, column: 1, code: 'csv-quote' }],
		});
	});

	it('reads generated tables back cell for cell, each row ended by any of the three line ends', () => {
		// The expected cells and lines are the generator's own: what was written, and the line each row was written on.
		const next = prng(23).next;
		const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)];
		const PIECES = ['甲', 'a', ' ', ',', '"', '\r\n', '\r', '\n'];
		for (let n = 0; n < 500; n++) {
			const table: string[][] = [];
			const lines: number[] = [];
			let text = '';
			const count = 1 + Math.floor(next() * 5);
			for (let r = 0; r < count; r++) {
				const cells: string[] = [];
				const width = 1 + Math.floor(next() * 3);
				for (let c = 0; c < width; c++) {
					let v = c === 0 ? 'v' : '';
					for (let k = Math.floor(next() * 4); k > 0; k--) v += pick(PIECES);
					cells.push(v);
				}
				table.push(cells);
				lines.push(lineColumn(text, text.length).line);
				const written = cells.map((v) =>
					/[",\r\n]/.test(v) || next() < 0.1 ? `"${v.replace(/"/g, '""')}"` : v,
				);
				text += written.join(',') + pick(['\r\n', '\r', '\n']);
			}
			const out: CsvRow[] = [];
			const issues = eachCsvRow(text, 'x.csv', (row) => out.push(row));
			const at = JSON.stringify(text);
			expect(issues, at).toEqual([]);
			expect(
				out.map((row) => row.cells),
				at,
			).toEqual(table);
			expect(
				out.map((row) => row.line),
				at,
			).toEqual(lines);
			expect(
				out.map((row) => row.row),
				at,
			).toEqual(table.map((_, k) => k + 1));
		}
	});

	it('reads any text with mixed line ends as papaparse reads it with every line end made LF', () => {
		// Random texts of quotes, commas, white space and line ends, broken quotes included: the same rows, lines and
		// quote errors as the text whose every line end is LF (one kind of line end, which papaparse reads itself).
		const next = prng(29).next;
		const ALPHABET = ['a', '中', ',', '"', '"', ' ', '\t', '\u3000', '\r', '\n', '\r\n'];
		const read = (text: string) => {
			const out: string[] = [];
			const issues = eachCsvRow(text, 'x.csv', (r) =>
				out.push(`${r.line}/${r.row} ${r.cells.map((c) => c.replace(/\r\n?/g, '\n')).join('|')}`),
			);
			return { rows: out, issues: issues.map((i) => `${i.line}:${i.column} ${i.code}`) };
		};
		let mixed = 0;
		for (let n = 0; n < 3000; n++) {
			let text = '';
			for (let k = Math.floor(next() * 30); k > 0; k--)
				text += ALPHABET[Math.floor(next() * ALPHABET.length)];
			const lf = text.replace(/\r\n?/g, '\n');
			if (new Set(text.match(/\r\n|\r|\n/g)).size > 1) mixed++;
			expect(read(text), JSON.stringify(text)).toEqual(read(lf));
		}
		// Most of the texts mix line ends, so the walk through quoted and unquoted cells is what is tested.
		expect(mixed).toBeGreaterThan(1500);
	});

	it('reports a quote that closes before the end of its cell once, and what it swallowed', () => {
		// The field opened by " runs on to the end of the file: two problems of the row, each said once, though papaparse
		// reports the malformed quote once for every quote after it.
		for (const cell of ['"x"y', '"x"y"z', '"x"y""z"w']) {
			const { rows: got, issues } = rows(`a,b\n1,${cell}\n`);
			expect(got[0], cell).toBe('1/1 a|b');
			expect(
				issues.map((i) => [i.line, i.column, i.code, i.severity]),
				cell,
			).toEqual([
				[2, 2, 'csv-quote', 'error'],
				[2, 2, 'csv-quote', 'error'],
			]);
			expect(issues.map((i) => i.message.slice(0, 6)).sort(), cell).toEqual(['引号使用不正', '引号没有闭合']);
		}
	});

	it('reports a quote never closed at the line of its row, the column where it opened', () => {
		const { issues } = rows('a,b,c\n1,2,"x\n3,4,5\n');
		expect(issues.map((i) => [i.line, i.column, i.code])).toEqual([[2, 3, 'csv-quote']]);
		expect(issues[0].message).toContain('第 3 列以 " 开始');
		expect(rows('"x').issues.map((i) => [i.line, i.column])).toEqual([[1, 1]]);
	});

	it('gives a file with no row, not even a header, one empty-file error', () => {
		for (const text of ['', '\n\n', ',,,\r\n, ,\r\n'])
			expect(
				parseCsv(text, 'x.csv').issues.map((i) => `${i.file}:${i.line}:${i.column} ${i.code} ${i.severity}`),
			).toEqual(['x.csv:1:1 empty-file error']);
		expect(parseCsv('h\n1\n', 'x.csv').table).toEqual({
			header: ['h'],
			rows: [{ line: 2, row: 2, cells: ['1'] }],
		});
	});
});
