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
});
