import { describe, expect, it } from 'vitest';
import { isValidUscc, usccCheckChar, usccProblem } from '../../src/lib/uscc.ts';

// Vectors computed by hand with GB 32100-2015: Σ(value × weight) mod 31, check = 31 − that (31 → 0).
describe('统一社会信用代码 check character (GB 32100-2015)', () => {
	it('accepts codes whose check character is a digit', () => {
		// 9 1 3 5 0 1 0 0 M(21) 0 0 0 1 0 0 Y(30) 4 → Σ = 1640, 1640 mod 31 = 28, 31 − 28 = 3.
		expect(usccCheckChar('91350100M000100Y4')).toBe('3');
		expect(isValidUscc('91350100M000100Y43')).toBe(true);
	});
	it('accepts a code whose check character is a letter', () => {
		// 9 1 1 1 0 0 0 0 6 0 0 0 3 7 3 4 1 → Σ = 538, 538 mod 31 = 11, 31 − 11 = 20 → "L" (A=10 … H=17, J=18, K=19, L=20).
		expect(usccCheckChar('91110000600037341')).toBe('L');
		expect(isValidUscc('91110000600037341L')).toBe(true);
	});
	it('maps a remainder of 0 to check character 0', () => {
		// 0 × 17 → Σ = 0, 31 − 0 = 31 → 0.
		expect(usccCheckChar('00000000000000000')).toBe('0');
	});
	it('rejects a one-character change anywhere', () => {
		expect(isValidUscc('91350100M000100Y44')).toBe(false);
		expect(isValidUscc('91350100M000101Y43')).toBe(false);
		expect(usccProblem('91350100M000100Y44')).toContain('应为 3');
	});
	it('rejects letters outside the alphabet (I, O, Z, S, V), lower case and wrong lengths', () => {
		expect(usccProblem('91350100M000100O43')).toContain('第 16 位');
		expect(usccProblem('91350100m000100y43')).toContain('大写');
		expect(usccProblem('91350100M000100Y4')).toContain('18 位');
	});
	it('refuses a letter in positions 3–8 (the 行政区划码), even with the right check character', () => {
		// 9·1 + 1·3 + A(10)·9 + 2·27 + 0·19 + 8·26 + 0·16 + 3·17 = 415; 415 mod 31 = 12; 31 − 12 = 19 → K.
		expect(usccCheckChar('91A20803000000000')).toBe('K');
		expect(usccProblem('91A20803000000000K')).toBe(
			'统一社会信用代码第 3～8 位是登记管理机关的行政区划码，应为数字，第 3 位是 "A"，请核对是否抄错',
		);
		// 9·1 + 1·3 + 3·9 + 2·27 + 0·19 + 8·26 + 0·16 + B(11)·17 = 488; 488 mod 31 = 23; 31 − 23 = 8.
		expect(usccCheckChar('9132080B000000000')).toBe('8');
		expect(usccProblem('9132080B0000000008')).toContain('第 8 位是 "B"');
		// Position 9 on is the 主体标识码, where letters belong (the demo's own code). A 9 is a digit like any other:
		// 9 + 3 + 27 + 54 + 0 + 8·26 + 9·16 + 9·17 = 598; 598 mod 31 = 9; 31 − 9 = 22 → N.
		expect(usccProblem('91320803MA10RRBGC8')).toBeUndefined();
		expect(usccProblem('91320899000000000N')).toBeUndefined();
	});
	it('names the wrong length with the length found', () => {
		expect(usccProblem('91350100M000100Y4')).toBe('统一社会信用代码应为 18 位，"91350100M000100Y4" 是 17 位');
		expect(usccProblem('91350100M000100Y433')).toBe(
			'统一社会信用代码应为 18 位，"91350100M000100Y433" 是 19 位',
		);
	});
	it('says when Excel took a code of digits for a number: scientific notation, or 15 digits and 000', () => {
		expect(usccProblem('9.13208E+17')).toBe(
			'统一社会信用代码 "9.13208E+17" 被 Excel 当成了数字，显示为科学计数法，后面几位已经丢失：请把这一列的单元格格式设为“文本”，再照原件重新输入',
		);
		expect(usccProblem('9E+17')).toContain('科学计数法');
		// Excel's ="…" keeps the digits, but the cell then holds the formula's spelling.
		expect(usccProblem('="91320803MA1XYZ0001"')).toBe(
			'"="91320803MA1XYZ0001"" 是 Excel 的公式写法 ="…"（为了不让长数字变成科学计数法）：这一格只写引号里的 "91320803MA1XYZ0001"，并把单元格格式设为“文本”',
		);
		// Only a whole cell in that form: text around it makes a code of the wrong length.
		expect(usccProblem('x="9132080312"')).toBe('统一社会信用代码应为 18 位，"x="9132080312"" 是 14 位');
		expect(usccProblem('="9132080312"x')).toBe('统一社会信用代码应为 18 位，"="9132080312"x" 是 14 位');
		// Only a whole cell in that form: a code that merely holds one is told its length.
		expect(usccProblem('A9.13208E+17')).toBe('统一社会信用代码应为 18 位，"A9.13208E+17" 是 12 位');
		expect(usccProblem('9.13208E+17A')).toBe('统一社会信用代码应为 18 位，"9.13208E+17A" 是 12 位');
		// Check character of 91320803123456700 by GB 32100-2015, computed by hand: T.
		expect(usccProblem('913208031234567000')).toBe(
			'统一社会信用代码 "913208031234567000" 的校验位（第 18 位）应为 T；它的最后 3 位是 000，可能被 Excel 当成数字，只保留了前 15 位：请把这一列的单元格格式设为“文本”，再照原件重新输入',
		);
		// Digits only, not ending in 000 (check character computed by hand: Y): a code copied wrong.
		expect(usccProblem('913208031234567891')).toBe(
			'统一社会信用代码 "913208031234567891" 的校验位（第 18 位）应为 Y，请核对是否抄错',
		);
		// Ending in 000 with letters in it, or a wrong check character not 000: no such guess.
		expect(usccProblem('91320803MA1234X000')).toBe(
			'统一社会信用代码 "91320803MA1234X000" 的校验位（第 18 位）应为 U，请核对是否抄错',
		);
		expect(usccProblem('91320803123456700A')).toBe(
			'统一社会信用代码 "91320803123456700A" 的校验位（第 18 位）应为 T，请核对是否抄错',
		);
	});
	it('asks for capitals and shows the code in capitals', () => {
		expect(usccProblem('91350100m000100y43')).toBe('统一社会信用代码中的字母应为大写："91350100M000100Y43"');
	});
	it('names the first character outside the alphabet by its position, the first position too', () => {
		expect(usccProblem('I1350100M000100Y43')).toBe(
			'统一社会信用代码第 1 位 "I" 不是允许的字符（数字和大写字母，不含 I、O、Z、S、V）',
		);
	});
	it('has no check character for a first 17 with a character outside the alphabet', () => {
		expect(usccCheckChar('I1350100M000100Y4')).toBeUndefined();
		expect(usccCheckChar('91350100M000100O4')).toBeUndefined();
	});
});
