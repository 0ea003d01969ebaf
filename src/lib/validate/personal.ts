/**
 * Personal numbers in the text the site publishes (issue 15 item 7; 个人信息保护法; seed 003 "保护公职人员个人隐私和
 * 信息安全"): a 居民身份证号码 is an error — nothing justifies publishing one — and a mobile number, an e-mail address,
 * a QQ number or a WeChat id a warning, since a unit may mean to publish its own service line; so is a number shaped
 * as an ID number with a wrong check character (an ID number copied wrong, or some other number: the office decides)
 * or as a first-generation ID number of 15 digits. Where no service line belongs (`Column.noContacts`: a correction's
 * reason, what is said of a candidate, a candidate's story) a contact can only be a person's, and is an error too.
 * The office's own public contacts (site.json's `email` and `phone`) are exempt. What is free text the site publishes
 * is said once, on the column (`Column.public`) and for every story and policy text; the finding itself is
 * `src/lib/personal-numbers.ts`.
 *
 * Cheap per cell: a city's evidence files hold a million rows (three public cells each), and a cell can hold one of
 * these numbers only if it has eleven digits (or Chinese numerals) starting with 1–9, not after a digit, with at most
 * three separators between any two (a mobile has eleven, an ID number fifteen or eighteen; `0517-85910860` and dates
 * do not qualify), a digit outside ASCII, an at sign, or the name of QQ or WeChat
 * (a QQ number or WeChat id is found only after its name) — so one small regular expression decides for nearly every
 * cell, and only the rest are searched (measured on 3 million generated cells: the first pre-test, three digits in a
 * row, let 7 % through and made the scan cost 4 s; this one lets none through).
 */
import {
	bmpClass,
	findMessengerIds,
	findPersonalAndIdLike,
	SEPARATOR,
	type PersonalKind,
} from '../personal-numbers.ts';

/**
 * What every personal number `findPersonalNumbers` finds has (it reads full-width forms, Chinese numerals and other
 * scripts' digits as ASCII digits, `foldDigits`): eleven digits or Chinese numerals with separators between them, or
 * any digit or number sign outside ASCII (full-width, Arabic-Indic, circled …), an at sign, or the name of QQ or WeChat
 * (a QQ number or WeChat id is found only after its name).
 */
const PRETEST = new RegExp(
	[
		`(?<![0-9])[1-9一二三四五六七八九幺](?:${bmpClass(SEPARATOR)}{0,3}[0-9〇零一二三四五六七八九幺]){10}`,
		// A digit or number sign outside ASCII, or any character outside the BMP (a mathematical digit, a tag character).
		bmpClass('(?![0-9])[\\p{Nd}\\p{No}]'),
		'[\\uD800-\\uDBFF]',
		'[@＠﹫]',
		'[QqＱｑ]{2}|扣扣|微信|[Ww][Ee][Cc][Hh][Aa][Tt]|[Ww][Ee][Ii][Xx][Ii][Nn]|[VvＶｖ]信|薇信|威信|[Vv][Xx]',
	].join('|'),
);

/** Whether a text may hold a personal number: false decides, true means search it. */
export const mayHoldPersonalNumber = (text: string) => PRETEST.test(text);

/** A personal number found in a text, as the validator reports it. */
export interface PersonalFinding {
	code: 'personal-id' | 'personal-contact';
	severity: 'error' | 'warning';
	/** Offset in the text (UTF-16 units). */
	index: number;
	/** Chinese, with the number masked (a report may be shared: it never holds the number itself). */
	message: string;
}

/** What a contact is called in a message, after 含有 (a space between Chinese and Latin letters). */
const LABEL: Record<Exclude<PersonalKind, 'id-card'> | 'qq' | 'wechat', string> = {
	mobile: '手机号码',
	email: '电子邮箱',
	qq: ' QQ 号',
	wechat: '微信号',
};

/**
 * The personal numbers of a text the site publishes, in order.
 * @param exempt the office's published contacts (site.json), never reported
 * @param noContacts the text is no place for a unit's contacts (`Column.noContacts`): a contact in it is an error
 */
export function personalFindings(
	text: string,
	exempt: readonly string[],
	noContacts = false,
): PersonalFinding[] {
	// The searches find nothing where the quick test fails (pinned in test/unit/personal-numbers.test.ts): it only
	// saves searching a million cells.
	// Stryker disable next-line ConditionalExpression: equivalent, as said above.
	if (!mayHoldPersonalNumber(text)) return [];
	const { numbers, idLike: shaped } = findPersonalAndIdLike(text, exempt);
	const found = [...numbers, ...findMessengerIds(text)];
	const idLike = shaped.map((f): PersonalFinding => ({
		code: 'personal-id',
		severity: 'warning',
		index: f.index,
		message:
			f.generation === 'old'
				? `含有像 15 位旧身份证号的号码 ${f.masked}：这段文字会在网站上公开；如果是身份证号，也不得公开，请删除；如果是别的编号，请核对无误`
				: `含有像身份证号的号码 ${f.masked}（校验位不对）：这段文字会在网站上公开；如果是抄错了一位的身份证号，也不得公开，请删除；如果是别的编号，请核对无误`,
	}));
	const findings = found.map((f): PersonalFinding =>
		f.kind === 'id-card'
			? {
					code: 'personal-id',
					severity: 'error',
					index: f.index,
					message: `含有身份证号 ${f.masked}：这段文字会在网站上公开，身份证号不得公开，请删除（个人信息保护法）`,
				}
			: noContacts
				? {
						code: 'personal-contact',
						severity: 'error',
						index: f.index,
						message: `含有${LABEL[f.kind]} ${f.masked}：这段文字会在网站上公开，它写的是人和事，不是公布单位联系方式的地方，这只能是个人的联系方式，不得公开，请删除（个人信息保护法）`,
					}
				: {
						code: 'personal-contact',
						severity: 'warning',
						index: f.index,
						message: `含有${LABEL[f.kind]} ${f.masked}：这段文字会在网站上公开；个人的联系方式请删除，确需公开的单位联系方式请核对无误`,
					},
	);
	return [...findings, ...idLike].sort((a, b) => a.index - b.index);
}
