/** `commitments/updates.csv`: the progress of each commitment (履行中、已兑现、依法变更、未兑现). */
import { commitmentUpdateTable, type CommitmentUpdateRow } from '../../../schemas/commitment.ts';
import type { Located } from '../read-table.ts';
import type { CheckContext } from '../context.ts';
import type { Commitments } from './commitments.ts';
import { didYouMean } from '../suggest.ts';

/**
 * The valid updates: one per commitment, day and status; of a known commitment, not before it was made; every
 * status but 履行中 with its 说明 (the proof, or the legal ground of a change).
 */
export function checkCommitmentUpdates(
	ctx: CheckContext,
	commitments: Commitments,
): Located<CommitmentUpdateRow>[] {
	const rows = ctx.unique(
		ctx.table<CommitmentUpdateRow>(commitmentUpdateTable, 'commitments/updates.csv', true).records,
		['commitmentId', 'date', 'status'],
		'承诺进展',
	);
	return ctx.keep(rows, (r) => {
		const id = r.value.commitmentId;
		const c = commitments.byId.get(id);
		// A commitment row that is there but invalid has its own error: its updates wait for it, unreported.
		if (!c && commitments.declared.has(id)) return false;
		if (!c)
			ctx.at(
				r,
				'commitmentId',
				'foreign-key',
				`承诺编号 "${id}" 不在 commitments.csv 中${didYouMean(commitments.suggest(id))}`,
			);
		else if (r.value.date < c.madeOn)
			ctx.at(r, 'date', 'date-order', `进展日期 ${r.value.date} 早于承诺日期 ${c.madeOn}`);
		if (r.value.status !== 'in-progress' && !r.value.evidence)
			ctx.at(r, 'evidence', 'required', '已兑现、依法变更、未兑现都要写明"说明"（兑现证明或变更的法律依据）');
		return true;
	});
}
