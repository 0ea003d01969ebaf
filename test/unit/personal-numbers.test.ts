import { describe, expect, it } from 'vitest';
import { findPersonalNumbers, idCheckChar, isIdCardNumber } from '../../src/lib/personal-numbers.ts';

const kinds = (text: string, exempt?: string[]) =>
	findPersonalNumbers(text, exempt).map((f) => `${f.kind} ${f.text} ${f.masked}`);

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
	it('finds a personal e-mail address', () => {
		expect(kinds('邮箱 wang.mou@qq.com。')).toEqual(['email wang.mou@qq.com wa***@qq.com']);
	});
	it("exempts the office's own public contacts", () => {
		expect(
			kinds('请联系 Office@Test.example 或 139-0000-1111', ['office@test.example', '13900001111']),
		).toEqual([]);
	});
});
