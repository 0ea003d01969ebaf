/** `policies/policies.csv` and `policies/<编号>.mdx`: the policy documents the site publishes in full. */
import { decodeText } from '../../csv.ts';
import { storyText } from '../story.ts';
import { policyTable, type PolicyRow } from '../../../schemas/policy.ts';
import type { Located } from '../read-table.ts';
import type { CheckContext } from '../context.ts';
import { quoteValue } from '../../quote.ts';

/**
 * The valid policy documents (the index is optional): each with its text in `policies/<编号>.mdx`, UTF-8 and plain
 * MDX. A text the index does not list is an error: it would not be published.
 */
export function checkPolicies(ctx: CheckContext): Located<PolicyRow>[] {
	const index = ctx.table<PolicyRow>(policyTable, 'policies/policies.csv', false, { declare: ['id'] });
	const policies = ctx.keep(ctx.unique(index.records, ['id'], '文件编号'), (r) => hasText(ctx, r));
	const declared = index.declared('id');
	for (const name of ctx.files.list('policies'))
		if (name.endsWith('.mdx') && !declared.has(name.slice(0, -4)))
			ctx.error(
				ctx.path(`policies/${name}`),
				1,
				1,
				'foreign-key',
				`policies/policies.csv 中没有编号为 ${quoteValue(name.slice(0, -4))} 的文件，正文不会发布`,
			);
	return policies;
}

/** Whether a policy's text file is present, UTF-8 and valid MDX (its problems are reported). */
function hasText(ctx: CheckContext, r: Located<PolicyRow>): boolean {
	const rel = `policies/${r.value.id}.mdx`;
	const bytes = ctx.files.read(rel);
	if (!bytes) {
		ctx.at(r, 'id', 'missing-file', `缺少正文文件 ${ctx.path(rel)}`);
		// Stryker disable next-line BooleanLiteral: an error was just reported, so keep() drops the row whatever this returns.
		return false;
	}
	// An .mdx text is read as UTF-8 only (decodeText refuses anything else with the line it fails on).
	const d = decodeText(bytes, ctx.path(rel), 'utf-8');
	if (d.text === undefined) {
		ctx.report(d.issues);
		// Stryker disable next-line BooleanLiteral: an error was just reported, so keep() drops the row whatever this returns.
		return false;
	}
	const s = storyText(d.text, ctx.path(rel));
	ctx.report(s.issues);
	const personal = ctx.personalNumbers(ctx.path(rel), d.text, false, s.blocks);
	for (const l of s.links)
		ctx.siteLinks.push({ ...l, file: ctx.path(rel), page: `/policies/${r.value.id}/` });
	// Stryker disable next-line ConditionalExpression,LogicalOperator: each problem found was reported as an error, so keep() drops the row anyway.
	return s.issues.length === 0 && !personal;
}
