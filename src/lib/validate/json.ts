/**
 * Reading the JSON files (site identity, rubrics) with line and column for every problem: syntax errors from
 * jsonc-parser, schema errors located at the offending value.
 */
import { findNodeAtLocation, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { z } from 'astro/zod';
import type { Issue } from '../issues.ts';

/** Line and column (1-based) of a character offset. */
export function lineColOf(text: string, offset: number): { line: number; column: number } {
	let line = 1;
	let lineStart = 0;
	for (let i = 0; i < offset && i < text.length; i++)
		if (text.charCodeAt(i) === 10) {
			line++;
			lineStart = i + 1;
		}
	return { line, column: offset - lineStart + 1 };
}

const SYNTAX_MESSAGES: Record<string, string> = {
	InvalidSymbol: '无效字符',
	InvalidNumberFormat: '数字格式不对',
	PropertyNameExpected: '这里应是带英文双引号的属性名',
	ValueExpected: '这里缺少值',
	ColonExpected: '这里缺少冒号 :',
	CommaExpected: '这里缺少逗号 ,',
	CloseBraceExpected: '缺少右花括号 }',
	CloseBracketExpected: '缺少右方括号 ]',
	EndOfFileExpected: '文件在这里应当结束',
	InvalidCommentToken: 'JSON 不允许注释',
	UnexpectedEndOfComment: '注释没有结束',
	UnexpectedEndOfString: '字符串没有结束（缺少右引号）',
	UnexpectedEndOfNumber: '数字没有结束',
	InvalidUnicode: '无效的 Unicode 转义',
	InvalidEscapeCharacter: '无效的转义字符',
	InvalidCharacter: '无效字符（中文引号“”要放在英文双引号里面）',
};

/** Parses JSON text and validates it with a zod schema; every problem located at its line and column. */
export function readJson<T>(
	schema: z.ZodType<T>,
	text: string,
	file: string,
): { value?: T; issues: Issue[] } {
	const errors: ParseError[] = [];
	const root = parseTree(text.replace(/^\uFEFF/, ''), errors, {
		allowTrailingComma: false,
		disallowComments: true,
	});
	const issues: Issue[] = errors.map((e) => {
		const name = printParseErrorCode(e.error);
		return {
			file,
			...lineColOf(text, e.offset),
			code: 'json-syntax',
			message: `JSON 语法错误：${SYNTAX_MESSAGES[name] ?? name}`,
			severity: 'error' as const,
		};
	});
	if (issues.length || !root) {
		if (!root && !issues.length)
			issues.push({
				file,
				line: 1,
				column: 1,
				code: 'json-syntax',
				message: 'JSON 文件是空的',
				severity: 'error',
			});
		return { issues };
	}
	const data: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
	const result = schema.safeParse(data);
	if (result.success) return { value: result.data, issues };
	for (const zi of result.error.issues) {
		// Point at the deepest node that exists along the issue's path.
		let path = zi.path.filter((p): p is string | number => typeof p !== 'symbol');
		let node = findNodeAtLocation(root, path);
		while (!node && path.length) {
			path = path.slice(0, -1);
			node = findNodeAtLocation(root, path);
		}
		const where = lineColOf(text, node?.offset ?? 0);
		const field = zi.path.join('.');
		issues.push({
			file,
			...where,
			code:
				zi.code === 'invalid_value'
					? 'enum-error'
					: zi.code === 'unrecognized_keys'
						? 'unknown-field'
						: 'type-error',
			message: `${field ? `"${field}"：` : ''}${zi.message}`,
			severity: 'error',
			field,
		});
	}
	return { issues };
}
