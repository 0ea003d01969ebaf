/**
 * Finds every issue code the validator can emit by reading its source: the files `src/lib/validate/dataset.ts`
 * imports (transitively, within `src/`), parsed with the TypeScript compiler. A code is a kebab-case string literal
 *  - given to a property or variable named `code` (including both branches of a `?:` or `??`), or
 *  - passed to a function right before a message (a string or template literal with Chinese text in it), as in
 *    `fail(ctx, 'too-long', '内容过长…')` or `at(r, 'to', 'date-order', \`撤销日期…\`)`,
 * except the names of table columns (`col('id', '单位编号', …)`, `unitRef(r, 'recommender', '推荐单位')`), which the
 * caller passes in. zod's own `code: 'custom'` inside `ctx.addIssue({...})` is not ours and is left out.
 */
import ts from 'typescript';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');
const CODE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const CJK = /[\u3000-\u9fff\uff00-\uffef]/;

/** The source files the validator is made of, relative to the project. */
export function validatorSources(entry = 'src/lib/validate/dataset.ts'): string[] {
	const seen = new Set<string>();
	const visit = (file: string) => {
		if (seen.has(file)) return;
		seen.add(file);
		const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
		for (const st of src.statements) {
			const spec =
				(ts.isImportDeclaration(st) || ts.isExportDeclaration(st)) &&
				st.moduleSpecifier &&
				ts.isStringLiteral(st.moduleSpecifier)
					? st.moduleSpecifier.text
					: undefined;
			if (!spec?.startsWith('.')) continue;
			// `import type …` brings no code.
			if (/^import\s+type\b/.test(st.getText())) continue;
			const target = resolve(dirname(file), spec);
			if (target.startsWith(join(ROOT, 'src')) && existsSync(target) && target.endsWith('.ts')) visit(target);
		}
	};
	visit(join(ROOT, entry));
	return [...seen].map((f) => relative(ROOT, f)).sort();
}

/** The string literals an expression can evaluate to through `?:`, `??`, `||` and parentheses. */
function results(e: ts.Expression): string[] {
	if (ts.isStringLiteralLike(e)) return [e.text];
	if (ts.isParenthesizedExpression(e)) return results(e.expression);
	if (ts.isConditionalExpression(e)) return [...results(e.whenTrue), ...results(e.whenFalse)];
	if (
		ts.isBinaryExpression(e) &&
		(e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken ||
			e.operatorToken.kind === ts.SyntaxKind.BarBarToken)
	)
		return [...results(e.left), ...results(e.right)];
	return [];
}

const isMessage = (e: ts.Expression | undefined): boolean =>
	!!e &&
	((ts.isStringLiteralLike(e) && CJK.test(e.text)) ||
		(ts.isTemplateExpression(e) && CJK.test(e.getText())) ||
		// `cond ? '…' : '…'`: one message or the other.
		(ts.isConditionalExpression(e) && isMessage(e.whenTrue) && isMessage(e.whenFalse)) ||
		// `inactiveMessage(unit, …)`: a message made by a function named so.
		(ts.isCallExpression(e) && /Message$/.test(e.expression.getText())));

/** Every issue code in the validator's source, with the files it appears in. */
export function scanIssueCodes(
	columnKeys: ReadonlySet<string>,
	// The validator, the issues the disk view of the data folder reports (src/loaders/data-dir.ts), and the photo
	// decoding pass it runs.
	files = [
		...new Set([
			...validatorSources(),
			...validatorSources('src/lib/validate/containment.ts'),
			...validatorSources('src/lib/validate/photo-pixels.ts'),
		]),
	],
): Map<string, string[]> {
	const found = new Map<string, string[]>();
	const add = (code: string, file: string) => {
		if (!CODE.test(code) || columnKeys.has(code)) return;
		const list = found.get(code) ?? [];
		if (!list.includes(file)) list.push(file);
		found.set(code, list);
	};
	for (const file of files) {
		const src = ts.createSourceFile(
			file,
			readFileSync(join(ROOT, file), 'utf8'),
			ts.ScriptTarget.Latest,
			true,
		);
		const walk = (n: ts.Node) => {
			if (
				(ts.isPropertyAssignment(n) || ts.isVariableDeclaration(n)) &&
				n.name.getText() === 'code' &&
				n.initializer &&
				!isZodAddIssue(n)
			)
				for (const c of results(n.initializer)) add(c, file);
			if (ts.isPropertySignature(n) && n.name.getText() === 'code' && n.type && ts.isLiteralTypeNode(n.type))
				if (ts.isStringLiteral(n.type.literal)) add(n.type.literal.text, file);
			if (ts.isCallExpression(n))
				n.arguments.forEach((a, i) => {
					if (ts.isStringLiteralLike(a) && isMessage(n.arguments[i + 1])) add(a.text, file);
				});
			ts.forEachChild(n, walk);
		};
		walk(src);
	}
	return found;
}

/** `ctx.addIssue({ code: 'custom', … })`: zod's issue kind, not one of our codes. */
function isZodAddIssue(n: ts.Node): boolean {
	const obj = n.parent;
	const call = obj?.parent;
	return (
		!!call &&
		ts.isCallExpression(call) &&
		ts.isPropertyAccessExpression(call.expression) &&
		call.expression.name.text === 'addIssue'
	);
}
