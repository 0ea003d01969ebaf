/**
 * 统一社会信用代码 (unified social credit identifier) per GB 32100-2015: 18 characters from a 31-character set
 * (digits and capital letters without I, O, Z, S, V); the 18th is a check character over the first 17.
 * Hand-written because no maintained npm package implements the standard's check (the listed ones are
 * unmaintained one-offs); the algorithm is the standard's 附录, ten lines, and tested with its vectors.
 */
import { quoteValue } from './quote.ts';

/** The code's alphabet; a character's value is its index. */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Weights of positions 1–17: 3^(i) mod 31 (GB 32100-2015 表 3). */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters, or undefined if one of them is not in the alphabet. */
export function usccCheckChar(first17: string): string | undefined {
	let sum = 0;
	for (let i = 0; i < 17; i++) {
		const v = USCC_CHARSET.indexOf(first17[i]);
		if (v < 0) return undefined;
		sum += v * WEIGHTS[i];
	}
	const c = 31 - (sum % 31);
	return USCC_CHARSET[c === 31 ? 0 : c];
}

/** Returns a Chinese description of what is wrong with a code, or undefined when it is valid. */
export function usccProblem(code: string): string | undefined {
	// A code of digits only, typed into a cell formatted as a number: Excel shows it as 9.13208E+17, and keeps 15
	// digits of it (913208031234567000), so the rest is lost whichever way it was saved.
	const asText = '请把这一列的单元格格式设为“文本”，再照原件重新输入';
	if (/^\d(\.\d+)?E\+\d+$/i.test(code))
		return `统一社会信用代码 ${quoteValue(code)} 被 Excel 当成了数字，显示为科学计数法，后面几位已经丢失：${asText}`;
	// Excel's way of keeping a long number as text, ="…", saved as a formula's text.
	const formula = code.match(/^="(.*)"$/);
	if (formula)
		return `${quoteValue(code)} 是 Excel 的公式写法 ="…"（为了不让长数字变成科学计数法）：这一格只写引号里的 ${quoteValue(formula[1])}，并把单元格格式设为“文本”`;
	if (code.length !== 18) return `统一社会信用代码应为 18 位，${quoteValue(code)} 是 ${code.length} 位`;
	if (/[a-z]/.test(code)) return `统一社会信用代码中的字母应为大写：${quoteValue(code.toUpperCase())}`;
	const bad = [...code].findIndex((ch) => !USCC_CHARSET.includes(ch));
	if (bad >= 0)
		return `统一社会信用代码第 ${bad + 1} 位 ${quoteValue(code[bad])} 不是允许的字符（数字和大写字母，不含 I、O、Z、S、V）`;
	// Positions 3–8 are the registering authority's 行政区划码 (GB 32100-2015 4.3): six digits, as the open data's
	// pattern for the column says (src/schemas/pledge.ts).
	// Every character is already from the alphabet (digits, then capital letters): anything above '9' is a letter.
	const region = [...code.slice(2, 8)].findIndex((ch) => ch > '9');
	if (region >= 0)
		return `统一社会信用代码第 3～8 位是登记管理机关的行政区划码，应为数字，第 ${region + 3} 位是 ${quoteValue(code[region + 2])}，请核对是否抄错`;
	// Stryker disable next-line MethodExpression: usccCheckChar reads only the first 17 characters, so passing all 18 is the same.
	const expected = usccCheckChar(code.slice(0, 17));
	if (expected !== code[17])
		return /^\d+$/.test(code) && code.endsWith('000')
			? `统一社会信用代码 ${quoteValue(code)} 的校验位（第 18 位）应为 ${expected}；它的最后 3 位是 000，可能被 Excel 当成数字，只保留了前 15 位：${asText}`
			: `统一社会信用代码 ${quoteValue(code)} 的校验位（第 18 位）应为 ${expected}，请核对是否抄错`;
	return undefined;
}

/** True when the code is a well-formed 统一社会信用代码 with the right check character. */
export const isValidUscc = (code: string): boolean => usccProblem(code) === undefined;
