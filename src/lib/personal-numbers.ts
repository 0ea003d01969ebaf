/**
 * Personal numbers in text meant for the public: a 居民身份证号码 with a valid check character, a mainland mobile
 * number, an e-mail address (个人信息保护法; seed 003 "保护公职人员个人隐私和信息安全"). Pure: text in, findings out; the
 * validator decides what each finding is (an ID number is an error, a phone or e-mail a warning) and which contacts
 * are the office's own (site.json), so exempt.
 *
 * Hand-written on purpose. The npm packages that check GB 11643-1999 (`idcard`, `id-validator`) also require the
 * region code to be in their bundled area table and (`idcard`) the birth year not to be after today's clock: for a
 * privacy scan that is a leak (an ID number with a new or abolished region code passes unseen) and a build that
 * depends on the day it runs. Here any region and any real birth date count; the check is the standard's ISO 7064
 * MOD 11-2, a few lines, tested with worked examples.
 */

/** What was found. */
export type PersonalKind = 'id-card' | 'mobile' | 'email';

/** One personal number in a text. */
export interface PersonalNumber {
	kind: PersonalKind;
	/** Offset in the text (UTF-16 units) and the text as written. */
	index: number;
	text: string;
	/** The number with its middle hidden, for messages and logs (which may be public). */
	masked: string;
}

/** GB 11643-1999 weights of the first 17 digits: 2^(17−i) mod 11. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** The check character of the first 17 digits of an ID number (GB 11643-1999, ISO 7064 MOD 11-2). */
export function idCheckChar(first17: string): string {
	let sum = 0;
	for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
	return CHECK[sum % 11];
}

/**
 * The birth year of 18 characters shaped as a 居民身份证号码 (region, a real birth date from 1800 on, sequence, a digit
 * or X in the check place), or undefined.
 */
function idBirthYear(s: string): number | undefined {
	const m = /^[1-9]\d{5}((?:18|19|20)\d{2})(\d{2})(\d{2})\d{3}[\dX]$/.exec(s.toUpperCase());
	if (!m) return undefined;
	// A date that does not exist (30 February, month 13) rolls over into another one.
	const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
	return date.toISOString().slice(0, 10) === `${m[1]}-${m[2]}-${m[3]}` ? Number(m[1]) : undefined;
}

/** Whether 18 characters are a 居民身份证号码: region, a real birth date, sequence, and the right check character. */
export function isIdCardNumber(s: string): boolean {
	return idBirthYear(s) !== undefined && idCheckChar(s) === s[17].toUpperCase();
}

/**
 * Whether 18 characters are shaped as a 居民身份证号码 (a region code and a real birth date from 1900 on) but fail its
 * check character: an ID number with a digit copied wrong still names its person, and a contract or serial number is
 * seldom so shaped.
 */
export function isIdCardLike(s: string): boolean {
	return (idBirthYear(s) ?? 0) >= 1900 && !isIdCardNumber(s);
}

/**
 * Chinese numerals as digits (`一三八〇〇〇〇一一一一` is a mobile number read aloud and written down; 幺 is how 1 is read
 * out in a phone number), and the small at sign as the at sign.
 */
const CHINESE_DIGITS: Record<string, string> = {
	'\uFE6B': '@',
	幺: '1',
	〇: '0',
	零: '0',
	一: '1',
	二: '2',
	三: '3',
	四: '4',
	五: '5',
	六: '6',
	七: '7',
	八: '8',
	九: '9',
};
const DECIMAL = /\p{Nd}/u;
const OTHER_NUMBER = /\p{No}/u;

/**
 * The ASCII digit a character (one code point) stands for, or undefined. A decimal digit of any script (Arabic-Indic
 * ٣, mathematical 𝟑) is its place in its run of ten (Unicode assigns each script's digits as ten in a row, zero first,
 * so the digits before it in a row of them, modulo 10, are its value); a circled or superscript digit (③, ³) is what
 * NFKC makes of it.
 */
function digitOf(ch: string): string | undefined {
	const cp = ch.codePointAt(0)!;
	if (DECIMAL.test(ch)) {
		let before = 0;
		while (before < 60 && DECIMAL.test(String.fromCodePoint(cp - before - 1))) before++;
		return String(before % 10);
	}
	if (OTHER_NUMBER.test(ch)) {
		const n = ch.normalize('NFKC');
		return /^[0-9]$/.test(n) ? n : undefined;
	}
	return undefined;
}

/**
 * A text as the searches read it, one UTF-16 unit for one so that offsets stay the same: full-width digits, letters
 * and signs as half-width, Chinese numerals and the digits of other scripts as ASCII digits (a digit written with two
 * units, such as 𝟑, as the digit and a zero-width space, which the searches take for a separator). What is not ASCII
 * is seldom there: the text is returned as it is when it is all ASCII.
 */
export function foldDigits(s: string): string {
	// Stryker disable next-line ConditionalExpression: the loop below returns an ASCII text as it is; this saves time.
	if (!/[^\x00-\x7F]/.test(s)) return s;
	let out = '';
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (c < 0x80) out += s[i];
		else if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
		else if (CHINESE_DIGITS[s[i]]) out += CHINESE_DIGITS[s[i]];
		else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
			const pair = s.slice(i, i + 2);
			const d = digitOf(pair);
			out += d === undefined ? pair : `${d}\u200B`;
			i++;
		} else out += digitOf(s[i]) ?? s[i];
	}
	return out;
}

/**
 * What a clerk, a typist or someone hiding a number puts between its digits: up to three of spaces and line breaks of
 * any kind, dashes of any kind, invisible format characters (a soft hyphen, a zero-width space, a direction mark),
 * combining marks, Hangul fillers, `_`, `/`, `\`, `.`, `*`, `·`, `•` and brackets (in the folded text full-width forms
 * are half-width; they are listed too for the quick test that reads the text as written, `mayHoldPersonalNumber`).
 * `320803 19900101 1234`, `138.1234.5678`, `(138) 1234-5678`, `138 - 1234 - 5678` and a number split by Markdown's
 * `**` are still the numbers they write. Not a comma or a 、: a list of small numbers is no one's number.
 */
export const SEPARATOR = '[\\s\\p{Pd}\\p{Cf}\\p{Mn}\\u115F\\u1160\\u3164\\uFFA0_/\\\\.*·•()（）－．／＼＿＊]';
const SEP = `${SEPARATOR}{0,3}`;

/**
 * The characters of the Basic Multilingual Plane a one-character Unicode pattern matches, as a character class
 * without the `u` flag (`[\u00AD\u2010-\u2015…]`): the validator's quick test (`mayHoldPersonalNumber`) runs on every
 * public cell of a million rows, and a `u`-flag pattern of Unicode properties with alternatives costs it several
 * times as much (measured on 2.7 million cells of generated evidence: 3.5 s against 0.8 s).
 */
export function bmpClass(pattern: string): string {
	const re = new RegExp(`^${pattern}$`, 'u');
	const hex = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;
	let out = '';
	for (let c = 0; c <= 0xffff; c++) {
		// Lone surrogates are no characters; astral ones are tested by the caller as a surrogate pair.
		if ((c >= 0xd800 && c <= 0xdfff) || !re.test(String.fromCharCode(c))) continue;
		let end = c;
		while (end < 0xffff && !(end + 1 >= 0xd800 && end + 1 <= 0xdfff) && re.test(String.fromCharCode(end + 1)))
			end++;
		out += end === c ? hex(c) : `${hex(c)}-${hex(end)}`;
		c = end;
	}
	return `[${out}]`;
}
/**
 * Not inside a longer run of digits (a 20-digit contract number holds no ID number), but glued to letters or after
 * them (`ID320803…`, `TEL13800001111`, an objection id `YY13800001111`): a letter does not make the number anyone
 * else's.
 */
const ID = new RegExp(`(?<!\\d)[1-9](?:${SEP}\\d){16}${SEP}[\\dXx](?!\\d)`, 'yu');
/** A first-generation 居民身份证号码: 15 digits, the birth date as YYMMDD of the 1900s, no check character. */
const OLD_ID = new RegExp(`(?<!\\d)[1-9](?:${SEP}\\d){14}(?![\\dXx])`, 'yu');
// 1[3-9]x xxxx xxxx, in any grouping, optionally after 86, +86 or 0086.
const MOBILE = new RegExp(`(?<!\\d)(?:(?:\\+|00)?86${SEP})?1${SEP}[3-9](?:${SEP}\\d){9}(?!\\d)`, 'gu');
/**
 * An e-mail address, also one whose name is written in Chinese (`张三@qq.com`; up to four characters, a name, before
 * any Latin part) or whose dots are Chinese full stops (`zhangsan@qq。com`).
 */
const EMAIL =
	/(?<![A-Za-z0-9._%+-])(?:[A-Za-z0-9._%+-]+|\p{Script=Han}{1,4}[A-Za-z0-9._%+-]*) ?@ ?[A-Za-z0-9-]+(?:[.。｡][A-Za-z0-9-]+)*[.。｡][A-Za-z]{2,}(?![A-Za-z0-9-])/gu;

/**
 * A QQ number or a WeChat id, named as one: `QQ 12345678`, `QQ号：12345678`, `微信：zhang_san88`, `WeChat ID zhang_san88`.
 * Without its name a QQ number is any number and a WeChat id any word, so only a named one is found. A WeChat id is
 * 6 to 20 letters, digits, `_` and `-`, starting with a letter (Tencent's rule); one written as a mobile number is
 * found as a mobile number. An official account (微信公众号 信用淮安) is no person's id: its name is not followed by one.
 */
const QQ = /(?:(?<![A-Za-z])QQ|扣扣)\s*(?:号码?)?\s*[:：]?\s*([1-9]\d{4,10})(?!\d)/gi;
// Also as it is written to slip past a filter: V信, 薇信, 威信, vx.
const WECHAT =
	/(?:微信|wechat|weixin|V信|薇信|威信|(?<![A-Za-z])vx)\s*(?:号|id)?\s*[:：]?\s*([A-Za-z][-_A-Za-z0-9]{5,19})(?![-_A-Za-z0-9])/gi;

/** A QQ number or WeChat id in a text. */
export interface MessengerId {
	kind: 'qq' | 'wechat';
	/** Offset in the text (UTF-16 units) of the id itself, and the id as written. */
	index: number;
	text: string;
	/** The id with its middle hidden. */
	masked: string;
}

/**
 * The stretch of the text as written that a match of its folded form covers: one that ends on a digit written with
 * two UTF-16 units (𝟏, folded to `1` and a zero-width space) takes the digit's second unit too.
 */
function written(text: string, index: number, length: number): string {
	const end = index + length;
	const high = text.charCodeAt(end - 1);
	return text.slice(index, high >= 0xd800 && high <= 0xdbff ? end + 1 : end);
}

/** The digits (and check character) of a number as written, without what separates them. */
const bare = (s: string) => s.replace(/[^\dXx]/g, '');

/** A number found at an offset of a text, as written there and without its separators. */
interface Found {
	index: number;
	written: string;
	digits: string;
}

/**
 * Every stretch of `t` matched by the sticky `shape` whose digits pass `test`, in order, none overlapping. Tried at
 * every place a number may start, not only after the last match: with separators allowed, `5 32080319900101123X`
 * also matches from its 5, and a search that went on from there would never see the ID number after it.
 */
function scan(t: string, shape: RegExp, test: (digits: string) => boolean): Found[] {
	const out: Found[] = [];
	// Stryker disable next-line EqualityOperator: at the text's end the sticky search finds nothing either way.
	for (let i = 0; i < t.length; i++) {
		shape.lastIndex = i;
		const m = shape.exec(t);
		if (m && test(bare(m[0]))) {
			out.push({ index: i, written: m[0], digits: bare(m[0]) });
			i += m[0].length - 1;
		}
	}
	return out;
}

/**
 * Whether two found numbers share a character. Two that only touch never occur: each is found only where no digit
 * is before or after it, and what ends one (an X) or starts one is no separator, so < and <= agree.
 */
const overlaps = (a: { index: number; written: string }, b: { index: number; text: string }) =>
	// Stryker disable next-line EqualityOperator: equivalent, as said above.
	a.index < b.index + b.text.length && b.index < a.index + a.written.length;

/**
 * Whether 15 digits are shaped as a first-generation 居民身份证号码 (1985–2004; a region code, a real birth date of
 * the 1900s as YYMMDD, a sequence). Still a person's number: the second generation only adds 19 and a check character.
 */
export function isOldIdCardLike(s: string): boolean {
	// Either anchor alone would do: `idBirthYear` takes exactly 18 characters, which only 15 here make.
	// Stryker disable next-line Regex: equivalent, as said above.
	return /^[1-9]\d{14}$/.test(s) && idBirthYear(`${s.slice(0, 6)}19${s.slice(6)}0`) !== undefined;
}

/** A number shaped as an ID number that is not a valid second-generation one. */
export interface IdCardLike {
	index: number;
	text: string;
	masked: string;
	/** 15 digits (a first-generation number), or 18 with a wrong check character. */
	generation: 'old' | 'check';
}

/**
 * The stretches of a (folded, `foldDigits`) text shaped as ID numbers: valid second-generation ones, ones whose check character
 * is wrong (`isIdCardLike`), and first-generation ones of 15 digits (`isOldIdCardLike`). Searched once for both
 * `findPersonalNumbers` and `findIdCardLike`, which `personalFindings` asks together.
 */
interface IdShapes {
	valid: Found[];
	check: Found[];
	old: Found[];
}
const idShapes = (t: string): IdShapes => ({
	valid: scan(t, ID, isIdCardNumber),
	check: scan(t, ID, isIdCardLike),
	old: scan(t, OLD_ID, isOldIdCardLike),
});

function idCardLike(text: string, shapes: IdShapes): IdCardLike[] {
	const like = [
		...shapes.check.map((f) => ({ ...f, generation: 'check' as const })),
		...shapes.old.map((f) => ({ ...f, generation: 'old' as const })),
	];
	// A guard: a number shaped as an ID number with a wrong check character that overlaps a valid one would need a real
	// birth date at another offset of the same digits; no text the tests could write has one.
	// Stryker disable ArrowFunction,MethodExpression: no case known, as said above.
	const apart = like.filter(
		(f) => !shapes.valid.some((v) => overlaps(v, { index: f.index, text: f.written })),
	);
	// Stryker restore ArrowFunction,MethodExpression
	return apart
		.map((f) => ({
			index: f.index,
			text: written(text, f.index, f.written.length),
			masked: mask('id-card', f.digits),
			generation: f.generation,
		}))
		.sort((a, b) => a.index - b.index);
}

/**
 * The numbers of a text shaped as ID numbers whose check character is wrong (`isIdCardLike`) or as first-generation
 * ones of 15 digits (`isOldIdCardLike`), masked as ID numbers; not those inside a valid one.
 */
export const findIdCardLike = (text: string): IdCardLike[] => idCardLike(text, idShapes(foldDigits(text)));

/** Every QQ number and WeChat id named as such in a text, in order. */
export function findMessengerIds(text: string): MessengerId[] {
	const t = foldDigits(text);
	const out: MessengerId[] = [];
	for (const [kind, re] of [
		['qq', QQ],
		['wechat', WECHAT],
	] as const)
		for (const m of t.matchAll(re)) {
			const id = m[1];
			const index = m.index! + m[0].length - id.length;
			out.push({
				kind,
				index,
				text: written(text, index, id.length),
				masked: `${id.slice(0, 2)}***${id.slice(-2)}`,
			});
		}
	return out.sort((a, b) => a.index - b.index);
}

/** The digits of a phone number, without +86, spaces or hyphens. */
const phoneDigits = (s: string) =>
	// What is compared is a found mobile's digits, 11 after this; without ^ or $ a string only loses an 86 that has
	// other digits before or after it, so it is no 11-digit mobile either way.
	// Stryker disable next-line Regex: equivalent, as said above.
	s.replace(/\D/g, '').replace(/^(?:00)?86(?=1\d{10}$)/, '');

function mask(kind: PersonalKind, s: string, original?: string): string {
	if (kind === 'id-card') {
		const d = bare(s).toUpperCase();
		// 15 digits: region, YYMMDD, sequence; 18: region, YYYYMMDD, sequence, check character.
		return d.length === 15
			? `${d.slice(0, 6)}******${d.slice(12)}`
			: `${d.slice(0, 6)}********${d.slice(14)}`;
	}
	if (kind === 'mobile') {
		const d = phoneDigits(s);
		return `${d.slice(0, 3)}****${d.slice(7)}`;
	}
	// The name's first two characters as written (a Chinese name's are not numerals), the rest as folded (`@qq.com`).
	const at = s.indexOf('@');
	return `${(original ?? s).slice(0, Math.min(2, at))}***${s.slice(at)}`;
}

/** The exempt contacts as compared, made once per list (a validator passes the same list for every cell). */
const prepared = new WeakMap<readonly string[], { emails: Set<string>; phones: Set<string> }>();
function exemptions(exempt: readonly string[]) {
	let p = prepared.get(exempt);
	// Stryker disable next-line ConditionalExpression: the sets made again are the same; the cache only saves time.
	if (!p) {
		p = {
			emails: new Set(exempt.map((e) => e.trim().toLowerCase())),
			// Every entry's digits: an e-mail address's few digits are never a found mobile's eleven.
			phones: new Set(exempt.map(phoneDigits)),
		};
		// Stryker disable next-line CallExpression: the sets made again are the same; the cache only saves time.
		prepared.set(exempt, p);
	}
	return p;
}

/**
 * Every personal number in a text, in order.
 * @param exempt the office's own public contacts (site.json's e-mail and phone), never reported
 */
// Stryker disable next-line ArrayDeclaration: a stray entry in the default list is neither an e-mail address nor 11 digits.
export function findPersonalNumbers(text: string, exempt: readonly string[] = []): PersonalNumber[] {
	const t = foldDigits(text);
	return personalNumbers(text, t, idShapes(t), exempt);
}

/**
 * Both searches of a text the site publishes, its ID shapes scanned once: the personal numbers (`findPersonalNumbers`)
 * and the numbers only shaped as ID numbers (`findIdCardLike`).
 */
export function findPersonalAndIdLike(
	text: string,
	exempt: readonly string[],
): { numbers: PersonalNumber[]; idLike: IdCardLike[] } {
	const t = foldDigits(text);
	const shapes = idShapes(t);
	return { numbers: personalNumbers(text, t, shapes, exempt), idLike: idCardLike(text, shapes) };
}

function personalNumbers(
	text: string,
	t: string,
	shapes: IdShapes,
	exempt: readonly string[],
): PersonalNumber[] {
	const { emails: exemptEmails, phones: exemptPhones } = exemptions(exempt);
	const out: PersonalNumber[] = [];
	const add = (kind: PersonalKind, index: number, found: string) =>
		out.push({
			kind,
			index,
			text: written(text, index, found.length),
			masked: mask(kind, found, text.slice(index, index + found.length)),
		});
	for (const f of shapes.valid) add('id-card', f.index, f.written);
	// A mobile number inside something shaped as an ID number is that number's birth date and sequence
	// (`320803 19900101 1234` holds `19900101 1234`): the ID number is what is reported.
	const idShaped = [...shapes.valid, ...shapes.check, ...shapes.old];
	for (const m of t.matchAll(MOBILE)) {
		const at = { index: m.index, text: m[0] };
		if (!exemptPhones.has(phoneDigits(m[0])) && !idShaped.some((f) => overlaps(f, at)))
			add('mobile', m.index, m[0]);
	}
	for (const m of t.matchAll(EMAIL)) if (!exemptEmails.has(m[0].toLowerCase())) add('email', m.index, m[0]);
	return out.sort((a, b) => a.index - b.index);
}
