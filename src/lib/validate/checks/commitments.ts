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
		return unit !== undefined;
	});
	return { valid, ...idRegistry(new Map(all.map((c) => [c.value.id, c.value])), file.declared('id')) };
}
