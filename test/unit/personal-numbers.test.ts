import { describe, expect, it } from 'vitest';
import {
	findIdCardLike,
	findMessengerIds,
	findPersonalNumbers,
	idCheckChar,
	isIdCardLike,
	isIdCardNumber,
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
			{ index: 3, text: '110105194912310021', masked: '110105********0021' },
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
			'11010519491231002X',
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
	it('stops the text of a clerk’s file that holds none, so that it is not searched', () => {
		const texts = [
			'行政许可和行政处罚“双公示”信息 62 条在 7 天内全量归集报送',
			'2022-11-22',
			'电话 0517-85910860',
			'1390000111',
			'139 0000 111',
			'129 0000 1111',
			'139_0000_1111',
			'Q 群',
			'xechat',
			'Wexhat',
			'xeixin',
		];
		expect(texts.filter(mayHoldPersonalNumber)).toEqual([]);
	});
});
