/**
 * Reading the JSON files (site identity, rubrics) with line and column for every problem: syntax errors from
 * jsonc-parser, schema errors located at the offending value.
 */
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { z } from 'astro/zod';
import type { Issue } from '../issues.ts';
import { quoteValue } from '../quote.ts';
import { lineColumn } from '../text-position.ts';

const SYNTAX_MESSAGES: Record<string, string> = {
	InvalidSymbol: '无效字符（属性名和文字要用英文双引号 " 括起来，中文引号“”只能写在英文双引号里面）',
	// Stryker disable next-line StringLiteral: jsonc-parser reports a bad number as UnexpectedEndOfNumber or InvalidSymbol
	InvalidNumberFormat: '数字格式不对',
	PropertyNameExpected: '这里应是带英文双引号的属性名',
	ValueExpected: '这里缺少值',
	ColonExpected: '这里缺少冒号 :',
	CommaExpected: '这里缺少逗号 ,',
	CloseBraceExpected: '缺少右花括号 }',
	CloseBracketExpected: '缺少右方括号 ]',
	EndOfFileExpected: '文件在这里应当结束',
	InvalidCommentToken: 'JSON 不允许注释',
	// Stryker disable next-line StringLiteral: with comments disallowed, any comment is reported as InvalidCommentToken
	UnexpectedEndOfComment: '注释没有结束',
	UnexpectedEndOfString: '字符串没有结束（缺少右引号）',
	UnexpectedEndOfNumber: '数字没有结束',
	InvalidUnicode: '无效的 Unicode 转义',
	InvalidEscapeCharacter: '无效的转义字符',
	InvalidCharacter: '文字里有制表符、换行等控制字符：请删去，或写成 \\t、\\n',
};

/** Each property name an object of the tree has twice, at the second (iteratively: the tree is bounded in depth). */
function duplicateKeys(root: Node, text: string, file: string): Issue[] {
	const issues: Issue[] = [];
	const stack: Node[] = [root];
	while (stack.length) {
		const n = stack.pop()!;
		if (n.type === 'object') {
			const first = new Map<string, Node>();
			for (const p of n.children ?? []) {
				const key = p.children?.[0];
				if (!key) continue;
				const name = String(key.value);
				const earlier = first.get(name);
				if (earlier)
					issues.push({
						file,
						...lineColumn(text, key.offset),
						code: 'json-duplicate-key',
						message: `属性 ${quoteValue(name)} 在同一个对象里出现了两次（另一处在第 ${lineColumn(text, earlier.offset).line} 行）：JSON 只用后一个，前一个会被悄悄忽略；请删去多余的一个`,
						severity: 'error',
					});
				else first.set(name, key);
			}
		}
		for (const c of n.children ?? []) stack.push(c);
	}
	return issues.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** How a JSON value's type is named to the office. */
function typeName(value: unknown): string {
	if (value === null) return '空值 null';
	if (Array.isArray(value)) return '列表 [ ]';
	switch (typeof value) {
		case 'string':
			return `文字 ${quoteValue(value)}`;
		case 'number':
			return `数字 ${value}`;
		case 'boolean':
			return `${value}`;
		default:
			return '对象 { }';
	}
}
/** The types a schema expects, as `typeName` names them. */
const EXPECTED: Record<string, string> = {
	string: '文字（用英文双引号括起来）',
	number: '数字（不加引号）',
	int: '整数（不加引号）',
	boolean: 'true 或 false（不加引号）',
	array: '列表 [ ]',
	object: '对象 { }',
};

/**
 * Where a schema problem is, as a person reads it: the path in the notation of JavaScript (`indicators[0].max`), and
 * the `id` of each listed item it passes through (a rubric's indicators are known by their id, 1.1, 3.6…).
 */
function placeOf(data: unknown, path: readonly (string | number)[]): string {
	let at = '';
	const ids: string[] = [];
	let value = data;
	for (const p of path) {
		at += typeof p === 'number' ? `[${p}]` : at ? `.${p}` : p;
		value = member(value, p);
		const id = typeof p === 'number' ? member(value, 'id') : undefined;
		if (typeof id === 'string') ids.push(`${at} 是 id 为 ${quoteValue(id)} 的那一项`);
	}
	return ids.length ? `${at}（${ids.join('；')}）` : at;
}

/** A space between Chinese and a Latin word that follows it (应为 true 或 false), as everywhere in the messages. */
const spaced = (s: string) => s.replace(/^(?=[A-Za-z0-9"-])/, ' ');

/**
 * zod's words for a problem of a hand-edited file, made plain: what the value should be and what it is ("应为数字
 * （不加引号），这里是文字 "十"" for zod's "无效输入：期望 数字，实际接收 string"; "应不小于 0" for "数值过小：期望 number
 * >=0", which zod also says of a string too short), and a key it does not know as one. A message of the schema's own
 * (a pattern's, a union's) is kept, and so is zod's own for any other problem.
 */
function plainMessage(zi: z.core.$ZodIssue, value: unknown): string {
	const is = value === undefined ? '' : `，这里是${spaced(typeName(value))}`;
	switch (zi.code) {
		case 'invalid_type':
			return value === undefined
				? `缺少这一项，应为${spaced(EXPECTED[zi.expected] ?? zi.expected)}`
				: `应为${spaced(EXPECTED[zi.expected] ?? zi.expected)}${is}`;
		case 'invalid_value':
			return `应为 ${zi.values.map((v) => quoteValue(String(v))).join('、')} 之一${is || '，这里是空的'}`;
		case 'unrecognized_keys':
			return `不认识的项 ${zi.keys.map((k) => quoteValue(k)).join('、')}：请检查拼写，不需要的项请删去（每一项的含义见数据字典）`;
		case 'too_small': {
			const n = Number(zi.minimum);
			if (zi.origin === 'string') return n === 1 ? '不能为空' : `至少要有 ${n} 个字`;
			if (zi.origin === 'array') return `至少要有 ${n} 项`;
			return `应${zi.inclusive ? '不小于' : '大于'} ${n}${is}`;
		}
		case 'too_big': {
			const n = Number(zi.maximum);
			if (zi.origin === 'string') return `最多 ${n} 个字`;
			if (zi.origin === 'array') return `最多 ${n} 项`;
			return `应${zi.inclusive ? '不大于' : '小于'} ${n}${is}`;
		}
		default:
			return zi.message;
	}
}

/** A member of a parsed JSON value (a key of an object, an index of an array), or undefined. */
const member = (value: unknown, key: string | number): unknown =>
	// Stryker disable next-line ConditionalExpression: a string or number has no member a schema's path names
	value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;

/** The value at a path of parsed JSON, or undefined. */
const valueAt = (data: unknown, path: readonly (string | number)[]): unknown => path.reduce(member, data);

/** Deepest nesting of objects and arrays a JSON input may have: a rubric needs five. */
export const JSON_MAX_DEPTH = 32;

/**
 * The offset of the first `{` or `[` nested deeper than `JSON_MAX_DEPTH`, or -1. Checked before parsing because
 * jsonc-parser and zod recurse once per level: a file nested 100,000 deep overflowed the stack. Strings are skipped,
 * so brackets inside them do not count.
 */
function tooDeepAt(text: string): number {
	let depth = 0;
	let inString = false;
	// Stryker disable next-line EqualityOperator: past the text's end there is no bracket
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (inString) {
			if (c === 92)
				i++; // backslash: the next character is escaped
			else if (c === 34) inString = false;
		} else if (c === 34) inString = true;
		else if (c === 123 || c === 91) {
			if (++depth > JSON_MAX_DEPTH) return i;
		} else if (c === 125 || c === 93) depth--;
	}
	return -1;
}

/** Parses JSON text and validates it with a zod schema; every problem located at its line and column. */
export function readJson<T>(
	schema: z.ZodType<T>,
	source: string,
	file: string,
): { value?: T; issues: Issue[] } {
	// Without its byte-order mark, which editors do not show: every place below is counted in this text, as the
	// office's editor counts it.
	const text = source.replace(/^\uFEFF/, '');
	const deep = tooDeepAt(text);
	// Stryker disable next-line EqualityOperator: the first bracket is at depth 1, never too deep
	if (deep >= 0)
		return {
			issues: [
				{
					file,
					...lineColumn(text, deep),
					code: 'too-deep',
					message: `JSON 的对象、数组嵌套超过 ${JSON_MAX_DEPTH} 层，不是有效的网站配置或评价指标文件`,
					severity: 'error',
				},
			],
		};
	const errors: ParseError[] = [];
	const root = parseTree(text, errors, {
		allowTrailingComma: false,
		disallowComments: true,
	});
	const issues: Issue[] = errors.map((e) => {
		const name = printParseErrorCode(e.error);
		return {
			file,
			...lineColumn(text, e.offset),
			code: 'json-syntax',
			message: `JSON 语法错误：${SYNTAX_MESSAGES[name] ?? name}`,
			severity: 'error' as const,
		};
	});
	// An empty file (spaces or a BOM only) is said to be empty, rather than "a value is missing here".
	if (text.trim() === '')
		return {
			issues: [
				{ file, line: 1, column: 1, code: 'json-syntax', message: 'JSON 文件是空的', severity: 'error' },
			],
		};
	// jsonc-parser gives a tree for any text it reports no error in.
	// Stryker disable next-line ConditionalExpression: no text without an error lacks a tree
	if (issues.length || !root) return { issues };
	const repeated = duplicateKeys(root, text, file);
	// JSON.parse keeps the last of two equal keys and drops the first without a word: a rubric's "max" typed twice
	// would score by the one the office may not have meant.
	if (repeated.length) return { issues: repeated };
	const data: unknown = JSON.parse(text);
	const result = schema.safeParse(data);
	if (result.success) return { value: result.data, issues };
	for (const zi of result.error.issues) {
		// Stryker disable next-line MethodExpression,ConditionalExpression,StringLiteral: JSON keys are never symbols
		const keyPath = zi.path.filter((p): p is string | number => typeof p !== 'symbol');
		// Point at the deepest node that exists along the issue's path.
		let path = keyPath;
		let node = findNodeAtLocation(root, path);
		while (!node && path.length) {
			path = path.slice(0, -1);
			node = findNodeAtLocation(root, path);
		}
		// Stryker disable next-line OptionalChaining: the path shortens to [], whose node is the root
		const where = lineColumn(text, node?.offset ?? 0);
		const field = zi.path.join('.');
		const message = plainMessage(zi, valueAt(data, keyPath));
		issues.push({
			file,
			...where,
			code:
				zi.code === 'invalid_value'
					? 'enum-error'
					: zi.code === 'unrecognized_keys'
						? 'unknown-field'
						: 'type-error',
			message: `${keyPath.length ? `${placeOf(data, keyPath)}：` : ''}${message}`,
			severity: 'error',
			field,
		});
	}
	return { issues };
}
