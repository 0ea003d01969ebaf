/** `commitments/commitments.csv`: the public service commitments of towns and departments. */
import { commitmentTable, type CommitmentRow } from '../../../schemas/commitment.ts';
import type { Located } from '../read-table.ts';
import type { CheckContext } from '../context.ts';
import { existsOn, unitRef, type Units } from './units.ts';
import { suggester } from '../suggest.ts';

/** The commitments, for the check of their updates. */
export interface Commitments {
	/** Valid commitments. */
	valid: Located<CommitmentRow>[];
	/** Every commitment with a unique id, valid or not, by id: updates are checked against these. */
	byId: Map<string, CommitmentRow>;
	/** Every id typed in commitments.csv, valid row or not: a reference to an invalid row is not reported again. */
	declared: Set<string>;
	/** The commitment id closest to an unknown one (did you mean). */
	suggest: (id: string) => string | undefined;
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
		if (unit && !existsOn(unit, r.value.madeOn))
			ctx.at(r, 'madeOn', 'unit-inactive', `单位 "${unit.id}" 在 ${r.value.madeOn} 不存在`);
		return unit !== undefined;
	});
	const byId = new Map(all.map((c) => [c.value.id, c.value]));
	return { valid, byId, declared: file.declared('id'), suggest: suggester(byId.keys()) };
}
