/**
 * Reading the CSV files the office exports from Excel or WPS: decoding (UTF-8 with or without BOM, GBK/GB18030,
 * UTF-16 with a BOM, each only when certain) and parsing with the physical line number of every row, so problems can
 * be reported as `path:line:column`. Pure: bytes in, rows and issues out.
 */
import Papa from 'papaparse';
import iconv from 'iconv-lite';
import chardet from 'chardet';
import type { Issue } from './issues.ts';
import { lineColumn } from './text-position.ts';
import { quoteValue } from './quote.ts';

/** The encodings we recognise. */
export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16';

/**
 * Which encodings a file may be in: `csv` — what Excel and WPS write (UTF-8, GBK/GB18030, UTF-16 with a BOM);
 * `utf-8` — UTF-8 only, for the files the office writes in a text editor (JSON, MDX), where no tool needs another.
 */
export type Accept = 'csv' | 'utf-8';

/** A decoded file. `text` is undefined when the bytes could not be decoded with certainty. */
export interface Decoded {
	text?: string;
	encoding?: Encoding;
	issues: Issue[];
}

const BOM = [0xef, 0xbb, 0xbf];

/** How many bytes are decoded at a time (see `decodeUtf8`). */
const UTF8_PIECE = 256 * 1024;

/**
 * Strict UTF-8 decoding (throws on any invalid byte), a piece at a time. Node returns a text of over about a megabyte
 * as an "external" string, which V8 counts as memory outside its heap: reading a city's evidence files one after
 * another then sets off a full garbage collection every few files ("external memory pressure"), each longer than the
 * one before — the validator's time grew faster than its data. Texts decoded in pieces and joined are ordinary
 * strings, collected like everything else.
 */
function decodeUtf8(bytes: Uint8Array): string {
	const decoder = new TextDecoder('utf-8', { fatal: true });
	// Stryker disable next-line ConditionalExpression,EqualityOperator: one piece or many give the same text; only memory differs
	if (bytes.length <= UTF8_PIECE) return decoder.decode(bytes);
	const pieces: string[] = [];
	// Stryker disable next-line EqualityOperator: one more piece, empty, decodes to nothing
	for (let at = 0; at < bytes.length; at += UTF8_PIECE)
		pieces.push(decoder.decode(bytes.subarray(at, at + UTF8_PIECE), { stream: true }));
	pieces.push(decoder.decode());
	return pieces.join('');
}

/** What the bytes of a file's lines are: the first line that is not ASCII, the first in UTF-8, the first not. */
interface LineKinds {
	/** The first line with a byte ≥ 0x80, and whether it is UTF-8. */
	firstNonAscii?: { line: number; utf8: boolean };
	/** The first line that is valid UTF-8 and holds a Chinese character or punctuation mark in it. */
	firstUtf8?: number;
	/** The first line that is not valid UTF-8. */
	firstInvalid?: number;
}

/**
 * Chinese characters, CJK punctuation and full-width forms (U+2E80–U+9FFF, U+FF00–U+FFEF), and the punctuation and
 * symbols Chinese text takes from U+2000–U+27BF (“ ” ‘ ’ — … ※ ℃ № ① ■ ★): what the office's UTF-8 lines hold. A GBK
 * line is practically never valid UTF-8 holding one (none in 160,000 random lines of one to six GB2312 characters; the
 * second range needs a second byte 0x80–0x9F, which no GB2312 character has), so such a line in a file that is not
 * UTF-8 is UTF-8 pasted in, not GBK. A pasted line of quotes and dashes without a Chinese character (“Credit”
 * 2022–2023) came out “鈥淐redit鈥�”.
 */
const isChinese = (cp: number) =>
	(cp >= 0x2000 && cp <= 0x27bf) || (cp >= 0x2e80 && cp <= 0x9fff) || (cp >= 0xff00 && cp <= 0xffef);

/**
 * Classifies every line of a file's bytes as ASCII, UTF-8 or not UTF-8, in one pass. Hand-written (the UTF-8 table of
 * the Unicode standard, §3.9 D92): `TextDecoder` only says whether a whole input is valid and, to say it per line,
 * would be called and would throw once per line of a GBK file.
 */
function lineKinds(b: Uint8Array): LineKinds {
	const out: LineKinds = {};
	let line = 1;
	let nonAscii = false;
	let valid = true;
	let chinese = false;
	const endLine = () => {
		if (nonAscii) {
			out.firstNonAscii ??= { line, utf8: valid };
			if (!valid) out.firstInvalid ??= line;
			else if (chinese) out.firstUtf8 ??= line;
		}
		nonAscii = false;
		valid = true;
		chinese = false;
		line++;
	};
	for (let i = 0; i < b.length;) {
		const c = b[i];
		if (c === 10 || c === 13) {
			endLine();
			i += c === 13 && b[i + 1] === 10 ? 2 : 1;
			continue;
		}
		if (c < 0x80) {
			i++;
			continue;
		}
		nonAscii = true;
		// Expected length and the allowed range of the second byte (which excludes overlong forms and surrogates).
		let n = 0;
		let lo = 0x80;
		let hi = 0xbf;
		if (c >= 0xc2 && c <= 0xdf) n = 2;
		else if (c >= 0xe0 && c <= 0xef) {
			n = 3;
			if (c === 0xe0) lo = 0xa0;
			if (c === 0xed) hi = 0x9f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			n = 4;
			if (c === 0xf0) lo = 0x90;
			if (c === 0xf4) hi = 0x8f;
		}
		let ok = n > 0 && b[i + 1] >= lo && b[i + 1] <= hi;
		for (let k = 2; ok && k < n; k++) ok = b[i + k] >= 0x80 && b[i + k] <= 0xbf;
		if (!ok) {
			valid = false;
			i++;
			continue;
		}
		if (n === 3) {
			const cp = ((c & 0x0f) << 12) | ((b[i + 1] & 0x3f) << 6) | (b[i + 2] & 0x3f);
			if (isChinese(cp)) chinese = true;
		}
		i += n;
	}
	endLine();
	return out;
}

/** The first line (1-based) that is neither UTF-8 nor GB18030, or undefined when there is none. */
function firstUndecodableLine(body: Uint8Array): number | undefined {
	const utf8 = new TextDecoder('utf-8', { fatal: true });
	const isUtf8 = (b: Uint8Array) => {
		try {
			utf8.decode(b);
		} catch {
			return false;
		}
		return true;
	};
	let line = 1;
	let start = 0;
	for (let i = 0; i <= body.length; i++) {
		const c = body[i];
		if (i === body.length || c === 10 || c === 13) {
			const bytes = body.subarray(start, i);
			if (iconv.decode(bytes, 'gb18030').includes('\uFFFD') && !isUtf8(bytes)) return line;
			if (c === 13 && body[i + 1] === 10) i++;
			start = i + 1;
			line++;
		}
	}
	return undefined;
}

const SAVE_AS_UTF8 = '请在 Excel/WPS 中"另存为"，文件类型选择"CSV UTF-8（逗号分隔）"';
/** What to do with a file that must be UTF-8 (JSON, MDX): no spreadsheet writes it. */
const UTF8_ONLY = '本文件须为 UTF-8 编码，请用文本编辑器另存为 UTF-8';

/**
 * True when the first bytes look like UTF-16 saved without its BOM: ASCII characters (the commas, digits and line
 * ends of any CSV) are then a byte and a NUL, so the NULs fall on odd offsets (little-endian) or on even ones
 * (big-endian): at least four of them, and nine in ten on one side (a Chinese character such as 销, U+9500, puts one
 * on the other). Binary files (an xlsx's zip header) put their NULs anywhere. Only to say so: without the BOM the
 * file is not read.
 */
function utf16WithoutBom(bytes: Uint8Array): boolean {
	const head = bytes.subarray(0, 512);
	const nuls = [0, 0];
	for (const [i, b] of head.entries()) if (b === 0) nuls[i % 2]++;
	const most = Math.max(nuls[0], nuls[1]);
	return most >= 4 && most >= 0.9 * (nuls[0] + nuls[1]);
}

/**
 * Decodes a text file the office saved, only when its encoding is certain:
 *  - UTF-8, with or without a BOM: every byte sequence valid UTF-8 (a BOM says UTF-8, so a file with one must be);
 *  - GBK/GB18030, what Excel and WPS write as "CSV" on a Chinese Windows: the file is not UTF-8, every line decodes
 *    as GB18030, no line is valid UTF-8 holding Chinese text — such a line is UTF-8 typed into a GBK file (or the
 *    other way round), which GB18030 would turn into plausible-looking wrong characters (mojibake) — and its
 *    characters are not mostly ones GBK text never holds, as a Big5 file's are (`notGbk`), nor Japanese or Korean
 *    ones in their Windows encodings (`japaneseOrKorean`);
 *  - UTF-16 with a BOM (Excel's "Unicode 文本"), little- or big-endian, every code unit valid.
 * Anything else is an error naming the first line where the encoding fails or changes: never garbled text on the site.
 * GBK and UTF-16 are read with a warning suggesting "CSV UTF-8"; with `accept: 'utf-8'` only UTF-8 is read.
 * @param accept which encodings the file may be in; by default `csv` for a `.csv` file and `utf-8` for any other
 */
export function decodeText(
	bytes: Uint8Array,
	file: string,
	// Stryker disable next-line StringLiteral: only 'utf-8' is ever compared; any other value reads as 'csv'
	accept: Accept = file.toLowerCase().endsWith('.csv') ? 'csv' : 'utf-8',
): Decoded {
	const at = (line: number, code: string, message: string, severity: Issue['severity'] = 'error'): Issue => ({
		file,
		line,
		column: 1,
		code,
		message,
		severity,
	});
	const fail = (line: number, code: string, message: string): Decoded => ({
		issues: [at(line, code, message)],
	});

	const le = bytes[0] === 0xff && bytes[1] === 0xfe;
	if (le || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
		if (accept === 'utf-8') return fail(1, 'bad-encoding', `文件是 UTF-16 编码。${UTF8_ONLY}`);
		return decodeUtf16(bytes.subarray(2), le, at);
	}
	const hasBom = BOM.every((b, i) => bytes[i] === b);
	const body = hasBom ? bytes.subarray(3) : bytes;
	const nul = body.indexOf(0);
	if (nul >= 0)
		return fail(
			lineOfByte(body, nul),
			'bad-encoding',
			utf16WithoutBom(body)
				? '文件像是没有 BOM 的 UTF-16 编码（每个英文字母、数字和逗号后面跟着一个空字节），无法确定怎样读取。请在 Excel/WPS 中另存为“CSV UTF-8（逗号分隔）”'
				: '文件含有空字节（NUL），不是文本文件。请确认上传的是文本文件，而不是 xlsx 等二进制文件',
		);
	try {
		const text = decodeUtf8(body);
		return { text, encoding: hasBom ? 'utf-8-bom' : 'utf-8', issues: [] };
	} catch {
		// Not UTF-8: which lines are not, and is the rest GBK?
	}
	const kinds = lineKinds(body);
	const firstInvalid = kinds.firstInvalid ?? 1;
	if (hasBom)
		return fail(
			firstInvalid,
			'mixed-encoding',
			`文件开头标明是 UTF-8（带 BOM），但第 ${firstInvalid} 行不是 UTF-8 编码（可能是从 GBK 编码的文件粘贴来的），读出来会是乱码。${SAVE_AS_UTF8}，再核对这一行`,
		);
	if (accept === 'utf-8')
		return fail(firstInvalid, 'bad-encoding', `第 ${firstInvalid} 行不是 UTF-8 编码。${UTF8_ONLY}`);
	const badLine = firstUndecodableLine(body);
	if (badLine !== undefined)
		return fail(
			badLine,
			'bad-encoding',
			`第 ${badLine} 行既不是 UTF-8 也不是 GBK/GB18030 编码，无法可靠读取。${SAVE_AS_UTF8}`,
		);
	if (kinds.firstUtf8 !== undefined) {
		const first = kinds.firstNonAscii!;
		const [utf8Line, gbkLine] = first.utf8 ? [first.line, firstInvalid] : [kinds.firstUtf8, first.line];
		const bad = Math.max(utf8Line, gbkLine);
		return fail(
			bad,
			'mixed-encoding',
			`文件混用了两种编码：第 ${utf8Line} 行是 UTF-8，第 ${gbkLine} 行是 GBK，无法可靠读取（读出来会有乱码）。请把各行复制到同一个表格中，${SAVE_AS_UTF8.slice(1)}`,
		);
	}
	// First the encodings the detector is sure of, by name; then any other whose characters GBK text seldom holds.
	const other = japaneseOrKorean(body);
	if (other)
		return fail(
			other.line,
			'bad-encoding',
			looksLike(other.name, other.language, other.line, other.gbk, other.read),
		);
	const foreign = notGbk(body);
	if (foreign)
		return fail(
			foreign.line,
			'bad-encoding',
			foreign.big5 === undefined
				? `文件不像是 GBK/GB18030 编码：第 ${foreign.line} 行按 GBK 读作 ${quoteValue(foreign.gbk)}，多是 GBK 中罕见的字符，读出来会是乱码。${SAVE_AS_UTF8}`
				: looksLike('Big5', '繁体中文', foreign.line, foreign.gbk, foreign.big5),
		);
	const text = iconv.decode(body, 'gb18030');
	const lost = lostCharacters(text);
	return {
		text,
		encoding: 'gb18030',
		issues: [
			{
				...at(
					1,
					'encoding-gbk',
					'文件是 GBK/GB18030 编码（Excel/WPS 另存为"CSV"的默认编码），已按 GB18030 正确读取；建议另存为"CSV UTF-8（逗号分隔）"',
					'warning',
				),
				// --fix leaves a file that may have lost characters as it is (fix.ts): no fix is promised for it.
				...(lost ? {} : { fixable: true }),
			},
			...(lost
				? [
						{
							...at(
								lost.line,
								'gbk-lost-char',
								`${quoteValue(lost.sample)} 中的英文问号 ? 紧挨着汉字，可能是 GBK 编码存不下的字（生僻字、繁体字或符号）：Excel/WPS 另存为“CSV”时会把这样的字换成 ?，原字已经丢失${lost.more ? `（本文件共 ${lost.more + 1} 处）` : ''}。请在原表格中核对这些字，再另存为“CSV UTF-8（逗号分隔）”`,
								'warning',
							),
							column: lost.column,
						},
					]
				: []),
		],
	};
}

/** An ASCII `?` next to a Chinese character (a character a code page could not hold, written as `?`). */
const LOST = /[\u3400-\u9fff]\?|\?[\u3400-\u9fff]/g;

/**
 * Where a GBK file first holds a `?` next to a Chinese character, with a few characters around it, and how many more
 * there are: saving as "CSV" on a Chinese Windows writes every character GBK lacks (䶮, 𠮷, an emoji …) as `?`, so a
 * name 王䶮 arrives as 王? and would be published so. Chinese text types its question mark full-width (？).
 */
function lostCharacters(
	text: string,
): { line: number; column: number; sample: string; more: number } | undefined {
	const hits = [...text.matchAll(LOST)];
	if (hits.length === 0) return undefined;
	const first = hits[0];
	const q = first[0][0] === '?' ? first.index : first.index + 1;
	const { line, column: at } = lineColumn(text, q);
	// The cell's column, as every issue's column is: the commas outside quotes before it on its line.
	let column = 1;
	let quoted = false;
	for (let i = q - at + 1; i < q; i++)
		if (text[i] === '"') quoted = !quoted;
		else if (text[i] === ',' && !quoted) column++;
	const sample = text
		.slice(Math.max(0, q - 4), q + 5)
		.split(/[\r\n,]/)
		.find((p) => p.includes('?'))!;
	return { line, column, sample, more: hits.length - 1 };
}

/**
 * How rare a two-byte GB18030 character (lead, trail) is in an office's GBK file: 2 for one such a file never holds —
 * kana, Greek, Cyrillic, pinyin, box drawing and GBK's symbols (leads 0xA4–0xA9), or a user-defined character (leads
 * 0xAA–0xAF and 0xF8–0xFE over 0xA0); 1 for a character of GBK's extensions (a trail byte below 0xA1: rare and
 * traditional characters, which a person's name may hold, 喆 or 玥); 0 for the rest (GB2312). Big5 puts its commonest
 * characters in the first two kinds (一 is 0xA440, 的 0xAABA, 國 0xB0EA — read as GBK: 丁, 揭, 瓣).
 */
function rarityInGbk(lead: number, trail: number): 0 | 1 | 2 {
	if (lead >= 0xa4 && lead <= 0xa9) return 2;
	if (trail < 0xa1) return 1;
	return (lead >= 0xaa && lead <= 0xaf) || lead >= 0xf8 ? 2 : 0;
}

/** Characters of a line quoted as a sample in a message. */
const SAMPLE_CHARS = 12;

/**
 * A file that decodes as GB18030 but is not GBK text: when at least a quarter of its two-byte characters are rare in
 * GBK and a tenth are ones GBK text never holds (`rarityInGbk`), the first line holding a rare one, read as GBK and
 * (when the file's bytes are valid Big5) as Big5, for the message. A GBK file of Simplified Chinese has almost none (a
 * rare character in a name; none in any file of the demo data, whole or row by row); one in Big5 (a Traditional
 * Chinese Windows' "CSV") has most of its characters there, and read as GBK would be published as mojibake — and
 * `--fix` would make that permanent.
 */
function notGbk(body: Uint8Array): { line: number; gbk: string; big5?: string } | undefined {
	let pairs = 0;
	let rare = 0;
	let never = 0;
	/** Where the first rare character is. */
	let first: number | undefined;
	for (let i = 0; i < body.length;) {
		const c = body[i];
		// ASCII, and 0x80: the euro sign on its own (Windows' GBK, code page 936). 0xFF, no lead byte, never comes here:
		// the file has decoded as GB18030 (firstUndecodableLine).
		if (c <= 0x80) {
			i++;
			continue;
		}
		const t = body[i + 1];
		// A four-byte GB18030 character (𠀀, 䶮, €…): the second byte is a digit, 0x30–0x39. A two-byte character's is
		// 0x40 or more, and the file has decoded as GB18030, so nothing else is below 0x40.
		if (t <= 0x39) {
			i += 4;
			continue;
		}
		pairs++;
		const rarity = rarityInGbk(c, t);
		if (rarity) {
			rare++;
			if (rarity === 2) never++;
			first ??= i;
		}
		i += 2;
	}
	// A quarter of the characters rare, and a tenth of them ones GBK text never holds (a file of names with rare
	// characters has none of those).
	if (first === undefined || rare * 4 < pairs || never * 10 < pairs) return undefined;
	const { line, bytes } = lineAt(body, first);
	const big5 = iconv.decode(body, 'big5').includes('\uFFFD') ? undefined : iconv.decode(bytes, 'big5');
	return {
		line,
		gbk: sample(iconv.decode(bytes, 'gb18030')),
		...(big5 === undefined ? {} : { big5: sample(big5) }),
	};
}

/** The message for a file in another encoding than GBK: its name and language, a line read as GBK and as that. */
function looksLike(name: string, language: string, line: number, gbk: string, read: string): string {
	return `文件像是 ${name}（${language}）编码，不是 GBK/GB18030：第 ${line} 行按 GBK 读作 ${quoteValue(gbk)}，按 ${name} 读作 ${quoteValue(read)}，按 GBK 读出来会是乱码。${SAVE_AS_UTF8}`;
}

/** A line's text quoted in a message: from its first character that is not ASCII to the end of that cell. */
function sample(text: string): string {
	const chars = [...text.replace(/^[\x00-\x7f]+/, '').split(',')[0]];
	return chars.length > SAMPLE_CHARS ? `${chars.slice(0, SAMPLE_CHARS).join('')}…` : chars.join('');
}

/** The encodings of Japanese and Korean Windows (and Unix) that `japaneseOrKorean` tells from GBK. */
const CJK_ELSEWHERE: Record<string, { language: string; iconv: string }> = {
	Shift_JIS: { language: '日文', iconv: 'shift_jis' },
	'EUC-JP': { language: '日文', iconv: 'euc-jp' },
	'EUC-KR': { language: '韩文', iconv: 'euc-kr' },
};

/** How much of a file `japaneseOrKorean` looks at: enough lines for a certain answer, the same time for any size. */
const DETECT_BYTES = 64 * 1024;

/**
 * A file that decodes as GB18030 but is Japanese (Shift_JIS, EUC-JP) or Korean (EUC-KR), as Windows in those
 * languages saves "CSV": its bytes are valid GBK, and Korean ones even fall among GB2312's common characters (번호 is
 * 锅龋), so only the characters' frequencies tell. ICU's detector (the `chardet` package) scores each encoding by how
 * often the commonest characters of its language occur. It names the file one of these only when it is near certain
 * (≥ 90 of 100) and GB18030 scores at least 40 less: on 34,000 pieces of the demo data and of a city's generated
 * data saved as GBK (whole files, and runs of 1 to 100 lines) it never did (its highest wrong score, 55, was EUC-KR
 * for five lines of town names); it says so of Japanese from about six lines and of Korean from two. A shorter
 * file is read as GBK, with the warning every GBK file gets. Text made of random common characters (GB2312 level 1,
 * uniformly, unlike any real text) was refused once in 12,000 files of 1 to 12 names: a refused GBK file costs the
 * clerk a save as "CSV UTF-8", which the message asks for and which is then read whatever its characters.
 */
function japaneseOrKorean(
	body: Uint8Array,
): { line: number; name: string; language: string; gbk: string; read: string } | undefined {
	const looked = body.subarray(0, DETECT_BYTES);
	const scores = chardet.analyse(looked);
	const best = scores[0];
	const other = best && CJK_ELSEWHERE[best.name];
	const gb = scores.find((r) => r.name === 'GB18030')?.confidence ?? 0;
	if (!other || best.confidence < 90 || best.confidence - gb < 40) return undefined;
	// The first line written in that encoding, read both ways: not a line of a stray byte of Windows' own (a euro sign,
	// 0x80), which reads as nothing in either (a control character in Shift_JIS) and tells the clerk nothing. Looked for
	// where the detector looked; the file is not UTF-8, so it has a line that is not ASCII: with no line there read
	// cleanly, the first of those.
	const nonAscii = (from: number) => {
		// Stryker disable next-line EqualityOperator: a line whose bytes above ASCII are all 0x80 is never read cleanly, so it is shown only when no line is, and then only if it is the first
		const i = looked.subarray(from).findIndex((b) => b >= 0x80);
		return i < 0 ? -1 : from + i;
	};
	const clean = (line: Uint8Array) => {
		const text = iconv.decode(line, other.iconv);
		return !text.includes('\uFFFD') && /[^\p{ASCII}\p{Cc}]/u.test(text);
	};
	let at = nonAscii(0);
	for (let i = at; i >= 0;) {
		const { start, end } = lineSpan(body, i);
		if (clean(body.subarray(start, end))) {
			at = i;
			break;
		}
		i = nonAscii(end);
	}
	const { line, bytes } = lineAt(body, at);
	return {
		line,
		name: best.name,
		language: other.language,
		gbk: sample(iconv.decode(bytes, 'gb18030')),
		read: sample(iconv.decode(bytes, other.iconv)),
	};
}

/** The line holding a byte offset: its number (as `lineOfByte` counts) and its bytes, without the line end. */
function lineAt(body: Uint8Array, at: number): { line: number; bytes: Uint8Array } {
	const { start, end } = lineSpan(body, at);
	return { line: lineOfByte(body, at), bytes: body.subarray(start, end) };
}

/** Where the line holding a byte offset starts, and where it ends (its line end's offset, or the file's end). */
function lineSpan(body: Uint8Array, at: number): { start: number; end: number } {
	let start = at;
	while (start > 0 && body[start - 1] !== 10 && body[start - 1] !== 13) start--;
	let end = at;
	// Stryker disable next-line EqualityOperator: body[body.length] is undefined, which ends the walk there too
	while (end < body.length && body[end] !== 10 && body[end] !== 13) end++;
	return { start, end };
}

/** The line (1-based) of a byte offset; `\r\n`, `\r` and `\n` each end a line. */
function lineOfByte(b: Uint8Array, offset: number): number {
	let line = 1;
	// Stryker disable next-line EqualityOperator: the byte at the offset (a NUL, a byte ≥ 0x80) is never a line end
	for (let i = 0; i < offset; i++) if (b[i] === 10 || (b[i] === 13 && b[i + 1] !== 10)) line++;
	return line;
}

/** Decodes UTF-16 after its BOM: every code unit must be valid (no half of a surrogate pair, no odd byte). */
function decodeUtf16(
	body: Uint8Array,
	le: boolean,
	at: (line: number, code: string, message: string, severity?: Issue['severity']) => Issue,
): Decoded {
	const fail = (line: number, message: string): Decoded => ({ issues: [at(line, 'bad-encoding', message)] });
	if (body.length % 2)
		return fail(1, `文件标明是 UTF-16 编码，但长度不是偶数个字节，文件不完整。${SAVE_AS_UTF8}`);
	let text: string;
	try {
		text = new TextDecoder(le ? 'utf-16le' : 'utf-16be', { fatal: true, ignoreBOM: true }).decode(body);
	} catch {
		// Find the line of the first unpaired surrogate.
		// Stryker disable next-line ObjectLiteral,BooleanLiteral: a BOM kept or dropped moves no line end of the loose text
		const loose = new TextDecoder(le ? 'utf-16le' : 'utf-16be', { ignoreBOM: true }).decode(body);
		return fail(
			lineColumn(loose, loose.indexOf('\uFFFD')).line,
			`这一行有无效的 UTF-16 字符。${SAVE_AS_UTF8}`,
		);
	}
	const firstLine = text.slice(0, text.search(/\r|\n|$/));
	// Excel's "Unicode 文本" separates cells with tabs, not commas: not a CSV file.
	if (firstLine.includes('\t') && !firstLine.includes(','))
		return fail(
			1,
			`文件是 Excel 的"Unicode 文本"（UTF-16 编码、制表符分隔），不是 CSV 文件。${SAVE_AS_UTF8}`,
		);
	return {
		text,
		encoding: 'utf-16',
		issues: [
			{
				...at(
					1,
					'encoding-utf16',
					'文件是 UTF-16 编码，已正确读取；建议另存为"CSV UTF-8（逗号分隔）"（可用 npm run validate -- --fix 转换）',
					'warning',
				),
				fixable: true,
			},
		],
	};
}

/** One parsed CSV row: its cells, the physical line (1-based) where it starts, and its row as a spreadsheet shows it. */
export interface CsvRow {
	line: number;
	/**
	 * The row number Excel or WPS shows for it (the header is row 1): every record counts, blank ones too, and a cell
	 * holding a line break keeps its row on one row, where the physical `line` counts every line.
	 */
	row: number;
	cells: string[];
}

/** A parsed CSV file: the header row and the data rows, with lines. */
export interface CsvTable {
	header: string[];
	rows: CsvRow[];
}

/** A row ending papaparse can be told. */
type LineEnd = '\r\n' | '\r' | '\n';

/** A quote or a line end (CRLF as one): where the walk through a text's cells stops. */
const QUOTE_OR_LINE_END = /"|\r\n?|\n/g;

/** The line end of a text without CR, or of one row. */
// Stryker disable next-line StringLiteral: papaparse, told no line end, takes LF for a text without CR, and one row needs none
const LF = '\n';

/** White space other than a line end: what papaparse allows between a quoted cell's closing quote and what follows. */
const SPACE = /[^\S\r\n]/;

/**
 * Where the quoted cell opened by the quote at `open` ends: at the first quote followed, after any white space, by a
 * comma, a line end or the end of the text (a doubled quote is a quote of the cell, and any other is part of it and
 * reported), as papaparse reads it. Returns the index after that white space, or the text's length when no quote
 * closes the cell (papaparse then reads the rest of the file into it).
 */
function quotedCellEnd(text: string, open: number): number {
	// Stryker disable next-line EqualityOperator: the search starts after the opening quote, never finding one at 0
	for (let q = text.indexOf('"', open + 1); q >= 0; q = text.indexOf('"', q + 1)) {
		if (text[q + 1] === '"') {
			q++;
			continue;
		}
		let k = q + 1;
		// Past the end `charAt` gives '', which is no space.
		while (SPACE.test(text.charAt(k))) k++;
		// A quote followed by white space to the end of the text closes the cell too: no quote comes after it, and the
		// text's length is returned below.
		if (text[k] === ',' || text[k] === '\r' || text[k] === '\n') return k;
	}
	return text.length;
}

/**
 * The text with every row ending outside quotes made the same, and that ending, for papaparse. Papaparse reads a file
 * with one row ending, guessed from its first megabyte: in a file of CRLF rows, a row that ends with a lone CR or LF (a
 * line pasted from another file, or typed in an editor) was read as part of the row after it, and a quote inside a
 * cell that is not quoted could mislead the guess. Excel, WPS and LibreOffice end a row at any of the three, and so
 * does every line number this reader gives: outside quotes, each row ending becomes the text's first one. A line break
 * inside a quoted cell is the cell's own text and stays as it is. A text with one kind of line break only (nearly
 * every file) is not walked.
 */
export function oneRowEnding(text: string): { text: string; newline: LineEnd } {
	// A shortcut only: walked, a text with one kind of line break comes back as it was, with that line end.
	// Stryker disable next-line StringLiteral: counting every text as holding CRLF walks more of them, to the same end
	const crlf = text.includes('\r\n');
	const cr = /\r(?!\n)/.test(text);
	const lf = /(?<!\r)\n/.test(text);
	// Stryker disable next-line ConditionalExpression: walking every text gives the same texts and line ends
	if (Number(crlf) + Number(cr) + Number(lf) < 2) return { text, newline: crlf ? '\r\n' : cr ? '\r' : LF };
	const out: string[] = [];
	let newline: LineEnd | undefined;
	let copied = 0;
	QUOTE_OR_LINE_END.lastIndex = 0;
	for (let found = QUOTE_OR_LINE_END.exec(text); found; found = QUOTE_OR_LINE_END.exec(text)) {
		const i = found.index;
		if (found[0] === '"') {
			// A quote opens a quoted cell only as the cell's first character; anywhere else it is a character of the cell.
			const before = text[i - 1];
			if (i === 0 || before === ',' || before === '\r' || before === '\n')
				QUOTE_OR_LINE_END.lastIndex = quotedCellEnd(text, i);
			continue;
		}
		const end = found[0] as LineEnd;
		newline ??= end;
		// Stryker disable next-line ConditionalExpression: a line end replaced by the same one leaves the text as it was
		if (end !== newline) {
			out.push(text.slice(copied, i), newline);
			copied = i + end.length;
		}
	}
	out.push(text.slice(copied));
	return { text: out.join(''), newline: newline ?? LF };
}

/**
 * Reads CSV text (comma-separated, `"` quotes, any line ending, mixed too: see `oneRowEnding`) with papaparse, row by
 * row, keeping each row's starting line, and hands each row to `onRow` as soon as it is read: a caller that checks
 * rows as they come keeps none it has finished with (a quarter's evidence file holds tens of thousands).
 * Rows that are entirely empty (blank lines, or only commas as WPS writes below a table) are not data and are skipped.
 * Returns the quote errors, as issues at the line where the broken row starts.
 * @param delimiter another separator, only to count the rows of a file separated by it (`wrong-delimiter`)
 */
export function eachCsvRow(
	csv: string,
	file: string,
	onRow: (row: CsvRow) => void,
	delimiter = ',',
): Issue[] {
	// The same lines as the file's: each row ending outside quotes is replaced by one line end.
	const { text, newline } = oneRowEnding(csv);
	const issues: Issue[] = [];
	let lineNo = 1;
	// A line ends at `\r\n`, `\n` or a lone `\r` (old Mac files, and some exports, end lines with CR only).
	const lineBreak = /\r\n?|\n/g;
	let nextBreak = lineBreak.exec(text);
	const lineOf = (offset: number): number => {
		// Count the line breaks before this offset; rows arrive in order, so this is linear overall.
		// Stryker disable next-line EqualityOperator: a break at a row's own start is a blank row's, never reported
		while (nextBreak !== null && nextBreak.index < offset) {
			lineNo++;
			nextBreak = lineBreak.exec(text);
		}
		return lineNo;
	};
	let start = 0;
	let record = 0;
	Papa.parse<string[]>(text, {
		delimiter,
		newline,
		header: false,
		skipEmptyLines: false,
		step: (result) => {
			const cells = result.data;
			const row = ++record;
			// papaparse's cursor is past the line end of the row before: the row starts there (200,000 random texts of
			// quotes, commas and every line end agree).
			const line = lineOf(start);
			start = result.meta.cursor;
			// papaparse reports a malformed quote once per quote character after it: each kind is said once a row (no set
			// made per row: a quarter's evidence has a million rows, and almost none has an error).
			for (const [k, e] of result.errors.entries()) {
				if (result.errors.findIndex((f) => f.code === e.code) < k) continue;
				const column = Math.max(1, cells.length);
				if (e.code === 'MissingQuotes')
					issues.push({
						file,
						line,
						column,
						code: 'csv-quote',
						message: `引号没有闭合：第 ${column} 列以 " 开始，但直到文件末尾都没有配对的 "，其后各行都被读进了这一格。请补上缺少的引号`,
						severity: 'error',
					});
				if (e.code === 'InvalidQuotes')
					issues.push({
						file,
						line,
						column,
						code: 'csv-quote',
						message: '引号使用不正确：带引号的内容中间的 " 要写成两个 ""，且右引号后面应直接是逗号或换行',
						severity: 'error',
					});
			}
			if (cells.every((c) => c.trim() === '')) return;
			onRow({ line, row, cells });
		},
	});
	return issues;
}

/** The issue for a file without a single row, not even a header. */
export function emptyFileIssue(file: string): Issue {
	return {
		file,
		line: 1,
		column: 1,
		code: 'empty-file',
		message: '文件是空的：至少要有一行表头',
		severity: 'error',
	};
}

/**
 * Parses CSV text into its header and data rows, with lines (see `eachCsvRow`). Quote errors become issues with the
 * line where the broken row starts.
 */
export function parseCsv(text: string, file: string): { table?: CsvTable; issues: Issue[] } {
	const rows: CsvRow[] = [];
	const issues = eachCsvRow(text, file, (row) => rows.push(row));
	if (rows.length === 0) {
		issues.push(emptyFileIssue(file));
		return { issues };
	}
	const [headerRow, ...dataRows] = rows;
	return { table: { header: headerRow.cells, rows: dataRows }, issues };
}
