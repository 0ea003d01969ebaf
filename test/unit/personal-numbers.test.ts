import { describe, expect, it } from 'vitest';
import {
	findIdCardLike,
	findMessengerIds,
	findPersonalNumbers,
	idCheckChar,
	isIdCardLike,
	isIdCardNumber,
	isOldIdCardLike,
	SEPARATOR,
} from '../../src/lib/personal-numbers.ts';
import { mayHoldPersonalNumber, personalFindings } from '../../src/lib/validate/personal.ts';

const kinds = (text: string, exempt?: string[]) =>
	findPersonalNumbers(text, exempt).map((f) => `${f.kind} ${f.text} ${f.masked}`);
/** 17 characters with their right check character (`idCheckChar` is pinned by the standard's worked examples). */
const withCheck = (first17: string) => first17 + idCheckChar(first17);
/** … and with a wrong one. */
const wrongCheck = (first17: string) => first17 + (idCheckChar(first17) === '1' ? '2' : '1');

describe('居民身份证号码 (GB 11643-1999)', () => {
	it("computes the standard's worked check characters", () => {
		// 1·7+1·9+0·10+1·5+0·8+5·4+1·2+9·1+4·6+9·3+1·7+2·9+3·10+1·5+0·8+0·4+2·2 = 167; 167 mod 11 = 2 → X
		expect(idCheckChar('11010519491231002')).toBe('X');
		// … = 195; 195 mod 11 = 8 → 4
		expect(idCheckChar('44052418800101001')).toBe('4');
	});
	it('accepts only a real birth date and the right check character', () => {
		expect(isIdCardNumber('11010519491231002X')).toBe(true);
		expect(isIdCardNumber('11010519491231002x')).toBe(true);
		expect(isIdCardNumber('110105194912310021')).toBe(false);
		expect(isIdCardNumber('110105194902300021')).toBe(false); // 30 February
	});
	it('finds one in free text, full-width digits included, and masks it', () => {
		expect(kinds('王某某，身份证号11010519491231002X，现任科长')).toEqual([
			'id-card 11010519491231002X 110105********002X',
		]);
		expect(kinds('身份证：１１０１０５１９４９１２３１００２Ｘ')).toEqual([
			'id-card １１０１０５１９４９１２３１００２Ｘ 110105********002X',
		]);
	});
	it('takes only a birth date that exists, even with the right check character', () => {
		// 30 February and month 13 (which a date would roll over into 2 March and next January).
		for (const first17 of ['11010519490230002', '11010519491301002']) {
			expect(isIdCardNumber(withCheck(first17)), first17).toBe(false);
			expect(isIdCardLike(withCheck(first17)), first17).toBe(false);
			expect(kinds(`号码 ${withCheck(first17)}`)).toEqual([]);
		}
		expect(isIdCardNumber(withCheck('11010520000229002'))).toBe(true); // 29 February 2000
	});
	it('takes exactly 18 characters', () => {
		expect(isIdCardNumber('911010519491231002X')).toBe(false);
		expect(isIdCardLike('911010519491231002X')).toBe(false);
		expect(isIdCardLike(`${wrongCheck('11010519491231002')}1`)).toBe(false);
	});
	it('finds one glued to letters, or written in groups with spaces, hyphens or dots', () => {
		// 32080319900101123: 3·7+2·9+0·10+8·5+0·8+3·4+1·2+9·1+9·6+0·3+0·7+1·9+0·10+1·5+1·8+2·4+3·2 = 192;
		// 192 mod 11 = 5 → 7.
		expect(idCheckChar('32080319900101123')).toBe('7');
		expect(kinds('身份证ID320803199001011237号')).toEqual(['id-card 320803199001011237 320803********1237']);
		expect(kinds('身份证 320803 19900101 1237，或 3208-0319-9001-0112-37，或 320803.19900101.1237')).toEqual([
			'id-card 320803 19900101 1237 320803********1237',
			'id-card 3208-0319-9001-0112-37 320803********1237',
			'id-card 320803.19900101.1237 320803********1237',
		]);
		// Its birth date and sequence (19900101 1237) are shaped as a mobile number: only the ID number is reported.
		expect(kinds('身份证　320803　19900101　1237')).toEqual([
			'id-card 320803　19900101　1237 320803********1237',
		]);
	});
	it('finds a number disguised: other spaces and dashes, invisible characters, line breaks, Markdown marks, other scripts’ digits, Chinese numerals', () => {
		// 320803199001011237 (check character 7, above) and 13800001111, each written as someone hiding it would.
		const id = '320803199001011237';
		const ids = [
			`${id.slice(0, 6)}\u00AD${id.slice(6)}`, // soft hyphen
			`${id.slice(0, 9)}\n${id.slice(9)}`, // line break in a cell
			`${id.slice(0, 6)}  ${id.slice(6, 14)}  ${id.slice(14)}`, // two spaces
			`${id.slice(0, 6)}–${id.slice(6)}`, // en dash
			`${id.slice(0, 6)}\u202F${id.slice(6)}`, // narrow no-break space
			`${id.slice(0, 6)}_${id.slice(6)}`,
			`${id.slice(0, 6)}/${id.slice(6)}`,
			`${id.slice(0, 10)}**${id.slice(10, 14)}**${id.slice(14)}`, // Markdown bold
			'三二〇八〇三一九九〇〇一〇一一二三七',
		];
		for (const written of ids)
			expect(kinds(`号码${written}。`), written).toEqual([`id-card ${written} 320803********1237`]);
		const mobiles = [
			'138\u200B0000\u200B1111', // zero-width space
			'138\u061C00001111', // Arabic letter mark
			'138\u316400001111', // Hangul filler
			'138 - 0000 - 1111',
			'(138) 0000-1111',
			'（138）00001111',
			'138\r\n00001111',
			'١٣٨٠٠٠٠١١١١', // Arabic-Indic digits
			'𝟏𝟑𝟖𝟎𝟎𝟎𝟎𝟏𝟏𝟏𝟏', // mathematical bold digits, two UTF-16 units each
			'①③⑧⓪⓪⓪⓪①①①①',
			'一三八〇〇〇〇一一一一',
			'幺三八零零零零幺幺幺幺',
		];
		// What is found starts at the first digit: not at a bracket before it.
		for (const written of mobiles)
			expect(kinds(`电话${written}。`), written).toEqual([
				`mobile ${written.replace(/^[(（]/, '')} 138****1111`,
			]);
		expect(kinds('邮箱 张三@qq.com、zhangsan@qq。com、zhangsan﹫qq.com、zhangsan @ qq.com')).toEqual([
			'email 张三@qq.com 张三***@qq.com',
			'email zhangsan@qq。com zh***@qq。com',
			'email zhangsan﹫qq.com zh***@qq.com',
			'email zhangsan @ qq.com zh***@ qq.com',
		]);
		expect(
			findMessengerIds('扣扣：123456789；V信：zhang_san88；vx：li_si_99').map((f) => `${f.kind} ${f.text}`),
		).toEqual(['qq 123456789', 'wechat zhang_san88', 'wechat li_si_99']);
	});
	it('does not take a list, a date, a landline or an ordinary count for a number', () => {
		// A comma or a 、 separates numbers, not the digits of one.
		expect(kinds('抽查 138,0000,1111 条；编号 13、14、15、16、17、18、19、20、21、22、23')).toEqual([]);
		expect(kinds('2022 年 11 月 13 日 13:00，电话 0517-85910860，1998/2002/2005/2010 年')).toEqual([]);
		expect(kinds('第一二三四五六七八九十条；一一对应；二〇二二年十二月')).toEqual([]);
	});
	it('reports an ID number grouped 6-8-4 and ending in X as one, not also the mobile its birth date and sequence make', () => {
		// 19491231 002 before the X is shaped as a mobile number (1 9, nine more digits, no digit after).
		expect(kinds('身份证 110105 19491231 002X')).toEqual(['id-card 110105 19491231 002X 110105********002X']);
		// The same with a wrong check character (…003 takes 8): a warning of its own, and still no mobile.
		expect(idCheckChar('11010519491231003')).toBe('8');
		expect(kinds('身份证 110105 19491231 003X')).toEqual([]);
		expect(findIdCardLike('身份证 110105 19491231 003X').map((f) => f.text)).toEqual([
			'110105 19491231 003X',
		]);
	});
	it('finds two ID numbers one character apart', () => {
		expect(kinds('11010519491231002X、320803199001011237').map((k) => k.split(' ')[1])).toEqual([
			'11010519491231002X',
			'320803199001011237',
		]);
	});
	it('finds one right after a lone digit, which a search from that digit would have swallowed', () => {
		// From the 5, `5 11010519491231002` is 18 digits not followed by a digit (X is none).
		expect(kinds('第 5 11010519491231002X')).toEqual(['id-card 11010519491231002X 110105********002X']);
	});
	it('ignores 18 digits with a wrong check character or inside a longer number', () => {
		expect(kinds('编号110105194912310021')).toEqual([]);
		expect(kinds('合同 911010519491231002X1 号')).toEqual([]);
	});
});

describe('mobile numbers and e-mail addresses', () => {
	it('finds a mobile number written together, spaced, hyphenated or after +86', () => {
		expect(kinds('联系人李某 13900001111；备用 139 0000 2222；+86-139-0000-3333')).toEqual([
			'mobile 13900001111 139****1111',
			'mobile 139 0000 2222 139****2222',
			'mobile +86-139-0000-3333 139****3333',
		]);
	});
	it('leaves dates, landlines and long numbers alone', () => {
		expect(kinds('2022年11月22日，电话 0517-85910860，代码 91320803MAAQL59GPD，流水 2139000011112')).toEqual(
			[],
		);
	});
	it('finds a mobile number grouped with dots or ideographic spaces, after 0086, or glued to letters', () => {
		expect(kinds('手机 139.0000.6666；139　0000　7777；008613900008888；TEL13900009999')).toEqual([
			'mobile 139.0000.6666 139****6666',
			'mobile 139　0000　7777 139****7777',
			'mobile 008613900008888 139****8888',
			'mobile 13900009999 139****9999',
		]);
	});
	it('finds two mobile numbers written one after the other', () => {
		expect(kinds('13900001111 13900002222')).toEqual([
			'mobile 13900001111 139****1111',
			'mobile 13900002222 139****2222',
		]);
	});
	it('finds a mobile number after 86 without the plus, or +86 written together', () => {
		expect(kinds('电话 86 139 0000 4444；+8613900005555')).toEqual([
			'mobile 86 139 0000 4444 139****4444',
			'mobile +8613900005555 139****5555',
		]);
	});
	it('finds a personal e-mail address, a domain of several parts whole', () => {
		expect(kinds('邮箱 wang.mou@qq.com。')).toEqual(['email wang.mou@qq.com wa***@qq.com']);
		expect(kinds('邮箱 li-si@mail.gov.cn')).toEqual(['email li-si@mail.gov.cn li***@mail.gov.cn']);
	});
	it('lists what it finds in the order of the text, whatever the kind', () => {
		expect(kinds('邮箱 wang@qq.com，手机 13900004444，身份证 11010519491231002X')).toEqual([
			'email wang@qq.com wa***@qq.com',
			'mobile 13900004444 139****4444',
			'id-card 11010519491231002X 110105********002X',
		]);
	});
	it("exempts the office's e-mail however site.json spells it", () => {
		expect(kinds('请联系 office@test.example', [' Office@Test.example '])).toEqual([]);
	});
	it("exempts the office's own public contacts", () => {
		expect(
			kinds('请联系 Office@Test.example 或 139-0000-1111', ['office@test.example', '13900001111']),
		).toEqual([]);
	});
});

describe('numbers shaped as ID numbers with a wrong check character', () => {
	it('are told apart from ID numbers and from other numbers', () => {
		// 11010519491231002X is the standard's worked example; with 1 for X its check character is wrong.
		expect(isIdCardLike('110105194912310021')).toBe(true);
		expect(isIdCardLike('11010519491231002X')).toBe(false);
		// No real birth date (month 13, 31 November, year 1899), a region starting with 0, or no date at all.
		expect(isIdCardLike('110105194913310021')).toBe(false);
		expect(isIdCardLike('110105194911310021')).toBe(false);
		expect(isIdCardLike('110105189912310021')).toBe(false);
		expect(isIdCardLike('010105194912310021')).toBe(false);
		expect(isIdCardLike('123456789012345678')).toBe(false);
		// Born in 1900, the first year counted.
		expect(isIdCardLike(wrongCheck('11010519000101001'))).toBe(true);
	});
	it('are found with their offset, as written, and masked', () => {
		expect(findIdCardLike('号码：110105194912310021。')).toEqual([
			{ index: 3, text: '110105194912310021', masked: '110105********0021', generation: 'check' },
		]);
		expect(findIdCardLike('号码：110105 19491231 0021')).toEqual([
			{ index: 3, text: '110105 19491231 0021', masked: '110105********0021', generation: 'check' },
		]);
		expect(personalFindings('身份证 110105194912310021', []).map((f) => f.code)).toEqual(['personal-id']);
	});
	it('are a warning in a public text, masked as an ID number, beside an ID number that is an error', () => {
		expect(
			personalFindings('身份证 110105194912310021，另一人 11010519491231002X', []).map(
				(f) => `${f.severity} ${f.index} ${f.message}`,
			),
		).toEqual([
			'warning 4 含有像身份证号的号码 110105********0021（校验位不对）：这段文字会在网站上公开；如果是抄错了一位的身份证号，也不得公开，请删除；如果是别的编号，请核对无误',
			'error 27 含有身份证号 110105********002X：这段文字会在网站上公开，身份证号不得公开，请删除（个人信息保护法）',
		]);
		// Inside a longer run of digits, as for ID numbers: a 20-digit contract number.
		expect(personalFindings('合同 11010519491231002123', [])).toEqual([]);
	});
});

describe('first-generation ID numbers of 15 digits', () => {
	it('are shaped as a region, a real birth date of the 1900s as YYMMDD and a sequence', () => {
		expect(isOldIdCardLike('320803900101123')).toBe(true); // born 1990-01-01
		expect(isOldIdCardLike('110105491231002')).toBe(true); // born 1949-12-31
		expect(isOldIdCardLike('320803900230123')).toBe(false); // 30 February
		expect(isOldIdCardLike('320803901301123')).toBe(false); // month 13
		expect(isOldIdCardLike('020803900101123')).toBe(false); // region starting with 0
		expect(isOldIdCardLike('32080390010112')).toBe(false); // 14 digits
		expect(isOldIdCardLike('3208039001011234')).toBe(false); // 16 digits
		expect(isOldIdCardLike('a320803900101123')).toBe(false);
	});
	it('are a warning in a public text, masked, and not found inside a longer number', () => {
		expect(
			personalFindings('旧身份证 320803900101123', []).map((f) => `${f.severity} ${f.index} ${f.message}`),
		).toEqual([
			'warning 5 含有像 15 位旧身份证号的号码 320803******123：这段文字会在网站上公开；如果是身份证号，也不得公开，请删除；如果是别的编号，请核对无误',
		]);
		expect(findIdCardLike('流水 3208039001011234')).toEqual([]);
		// Listed in the order of the text, whichever kind each is.
		expect(
			findIdCardLike('旧 320803900101123，新 110105194912310021').map((f) => `${f.generation} ${f.index}`),
		).toEqual(['old 2', 'check 20']);
		expect(findIdCardLike('流水 1320803900101123')).toEqual([]);
	});
});

describe('QQ numbers and WeChat ids', () => {
	const ids = (text: string) => findMessengerIds(text).map((m) => `${m.kind} ${m.text} ${m.masked}`);
	it('finds one named as such, however the name is written, and masks it', () => {
		expect(
			ids(
				'联系人张某 QQ 12345678；qq号：987654321；ＱＱ号码１２３４５６７８９；微信：zhang_san88；WeChat ID Li-Si2024',
			),
		).toEqual([
			'qq 12345678 12***78',
			'qq 987654321 98***21',
			'qq １２３４５６７８９ 12***89',
			'wechat zhang_san88 zh***88',
			'wechat Li-Si2024 Li***24',
		]);
	});
	it('lists them in the order of the text', () => {
		expect(ids('微信 zhang_san88，QQ 12345678')).toEqual([
			'wechat zhang_san88 zh***88',
			'qq 12345678 12***78',
		]);
	});
	it('leaves an unnamed number or word, an official account and a short or digit-first id alone', () => {
		expect(
			ids(
				'编号 12345678；关注微信公众号 xinyonghuaian；微信群 5 个；微信 abc；微信 8zhangsan；QQ 123；QQ群 12345678',
			),
		).toEqual([]);
	});
	it('is found in a public cell by the validator, as a warning with the id masked', () => {
		expect(personalFindings('事迹：群众可通过 QQ 12345678 或微信 zhang_san88 联系本人', [])).toEqual([
			{
				code: 'personal-contact',
				severity: 'warning',
				index: 12,
				message:
					'含有 QQ 号 12***78：这段文字会在网站上公开；个人的联系方式请删除，确需公开的单位联系方式请核对无误',
			},
			{
				code: 'personal-contact',
				severity: 'warning',
				index: 25,
				message:
					'含有微信号 zh***88：这段文字会在网站上公开；个人的联系方式请删除，确需公开的单位联系方式请核对无误',
			},
		]);
	});
});

describe('the quick test before a text is searched', () => {
	it('lets through every text that holds a personal number or names a messenger', () => {
		const texts = [
			'13900001111',
			'139 0000 1111',
			'139-0000-1111',
			'139_0000_1111',
			'139\u00AD0000\u00AD1111',
			'一三九〇〇〇〇一一一一',
			'١',
			'𝟏',
			'①',
			'﹫',
			'扣扣',
			'V信',
			'威信',
			'vx',
			'WECHAT',
			'11010519491231002X',
			'110105 19491231 002X',
			'3208-0319-9001-0112-37',
			'320803900101123',
			'139.0000.1111',
			'139　0000　1111',
			'139－0000－1111',
			'a@b.cn',
			'１',
			'＠',
			'QQ',
			'qq',
			'ＱＱ',
			'微信',
			'WeChat',
			'wechat',
			'Weixin',
			'weixin',
		];
		expect(texts.filter((t) => !mayHoldPersonalNumber(t))).toEqual([]);
	});
	it('lets through a number split by any separator the search takes, and any digit it reads, one by one', () => {
		// The quick test is a BMP character class made from the search's Unicode pattern (bmpClass): every separator
		// character the search allows, put between the groups of a mobile number, is let through and found.
		const separator = new RegExp(`^${SEPARATOR}$`, 'u');
		const missed: string[] = [];
		let separators = 0;
		for (let c = 0; c <= 0xffff; c++) {
			const ch = String.fromCharCode(c);
			if ((c >= 0xd800 && c <= 0xdfff) || !separator.test(ch)) continue;
			separators++;
			const text = `电话 138${ch}0000${ch}1111`;
			if (!mayHoldPersonalNumber(text) || kinds(text).length !== 1) missed.push(c.toString(16));
		}
		expect(missed).toEqual([]);
		expect(separators).toBeGreaterThan(1000);
		// Every digit of another script, and every number sign, is let through on its own.
		const digit = /[\p{Nd}\p{No}]/u;
		for (let c = 0x80; c <= 0xffff; c++)
			if (
				!(c >= 0xd800 && c <= 0xdfff) &&
				digit.test(String.fromCharCode(c)) &&
				!mayHoldPersonalNumber(String.fromCharCode(c))
			)
				missed.push(c.toString(16));
		expect(missed).toEqual([]);
	});
	it('stops the text of a clerk’s file that holds none, so that it is not searched', () => {
		const texts = [
			'行政许可和行政处罚“双公示”信息 62 条在 7 天内全量归集报送',
			'2022-11-22',
			'电话 0517-85910860',
			'1390000111',
			'139 0000 111',
			'0517 8591 0860',
			'2022-11-22 至 2023-01-01',
			'139,0000,1111',
			'第一二三四五六七八九十条',
			'Q 群',
			'xechat',
			'Wexhat',
			'xeixin',
		];
		expect(texts.filter(mayHoldPersonalNumber)).toEqual([]);
	});
});
