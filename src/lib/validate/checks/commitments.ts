/** `commitments/commitments.csv`: the public service commitments of towns and departments. */
import { commitmentTable, type CommitmentRow } from '../../../schemas/commitment.ts';
import type { Located } from '../read-table.ts';
import { idRegistry, type CheckContext, type IdRegistry } from '../context.ts';
import { checkUnitOn, unitRef, type Units } from './units.ts';

/** The commitments, for the check of their updates. */
/** `byId` holds every commitment with a unique id, valid or not: updates are checked against these. */
export interface Commitments extends IdRegistry<CommitmentRow> {
	/** Valid commitments. */
	valid: Located<CommitmentRow>[];
}

/** The commitments: by a known unit that exists on the day it commits, due no earlier than that day. */
export function checkCommitments(ctx: CheckContext, units: Units): Commitments {
	const file = ctx.table<CommitmentRow>(commitmentTable, 'commitments/commitments.csv', true, {
		declare: ['id'],
	});
	const all = ctx.unique(file.records, ['id'], '承诺编号');
	const valid = ctx.keep(all, (r) => {
		const unit = unitRef(ctx, units, r, 'unitId');
		if (r.value.dueBy < r.value.madeOn)
			ctx.at(r, 'dueBy', 'date-order', `完成时限 ${r.value.dueBy} 早于承诺日期 ${r.value.madeOn}`);
		checkUnitOn(ctx, r, unit, 'madeOn', r.value.madeOn);
		// A commitment states its service standard (seed 001 二(四): 服务内容、服务质量、服务期限). Each part may be
		// left out where it does not apply, so only a row with none of them is told: a warning, the row is published.
		const { standardContent, standardQuality, standardDeadline } = r.value;
		if (!standardContent && !standardQuality && !standardDeadline)
			ctx.at(
				r,
				'standardContent',
				'missing-standard',
				'承诺没有服务标准：服务内容、服务质量、服务期限三列都是空的。公开承诺应写明服务标准（seed 001 二(四)），公众才能据此监督；至少填写其中一项',
				'warning',
			);
		return unit !== undefined;
	});
	return { valid, ...idRegistry(new Map(all.map((c) => [c.value.id, c.value])), file.declared('id')) };
}
