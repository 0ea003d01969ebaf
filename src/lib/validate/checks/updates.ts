/** `commitments/updates.csv`: the progress of each commitment (履行中、已兑现、依法变更、未兑现). */
import { commitmentUpdateTable, type CommitmentUpdateRow } from '../../../schemas/commitment.ts';
import { COMMITMENT_STATUSES } from '../../../schemas/enums.ts';
import type { Located } from '../read-table.ts';
import type { CheckContext } from '../context.ts';
import type { Commitments } from './commitments.ts';
import { didYouMean } from '../suggest.ts';
import { quoteValue } from '../../quote.ts';

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
	const kept = ctx.keep(rows, (r) => {
		const id = r.value.commitmentId;
		const c = commitments.byId.get(id);
		// A commitment row that is there but invalid has its own error: its updates wait for it, unreported.
		if (!c && commitments.declared.has(id)) return false;
		if (!c)
			ctx.at(
				r,
				'commitmentId',
				'foreign-key',
				`承诺编号 ${quoteValue(id)} 不在 commitments.csv 中${didYouMean(commitments.suggest(id))}`,
			);
		else if (r.value.date < c.madeOn)
			ctx.at(r, 'date', 'date-order', `进展日期 ${r.value.date} 早于承诺日期 ${c.madeOn}`);
		if (r.value.status !== 'in-progress' && !r.value.evidence)
			ctx.at(r, 'evidence', 'required', '已兑现、依法变更、未兑现都要写明"说明"（兑现证明或变更的法律依据）');
		return true;
	});
	sameDayStatuses(ctx, kept);
	return kept;
}

const STATUS_LABEL = new Map(COMMITMENT_STATUSES.map((s) => [s.value, s.label]));

/**
 * Two updates of one commitment on one day with different statuses: the site takes the later row of the file (as
 * scoring does), so the order of the rows decides the published status, and a spreadsheet's sort (by 日期 newest
 * first, by 状态) silently reverses it. A warning at the later row, naming both: the clerk checks which came last.
 */
function sameDayStatuses(ctx: CheckContext, rows: readonly Located<CommitmentUpdateRow>[]): void {
	const last = new Map<string, Located<CommitmentUpdateRow>>();
	for (const r of rows) {
		const key = `${r.value.commitmentId}\u0000${r.value.date}`;
		const before = last.get(key);
		last.set(key, r);
		if (!before || before.value.status === r.value.status) continue;
		const [was, now] = [STATUS_LABEL.get(before.value.status), STATUS_LABEL.get(r.value.status)];
		ctx.at(
			r,
			'status',
			'same-day-status',
			`承诺 ${quoteValue(r.value.commitmentId)} 在 ${r.value.date} 有两条状态不同的进展（第 ${before.row} 行“${was}”、本行“${now}”）：同一天按表中靠后的一行计，网站公布为“${now}”。在表格中排序（如按日期从新到旧）会颠倒这两行、改变公布的状态：请确认“${now}”是这一天最后的状态，或把较早的一条改为它实际的日期`,
			'warning',
		);
	}
}
