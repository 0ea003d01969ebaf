/**
 * `/data/grades-history.*`: every public quarter × unit in one long file, for a reader who compares units over time
 * without merging a file per quarter. A row is a unit's published result in a quarter, with the name it had then and
 * the quarter's release.
 */
import { quarterIndex } from '../lib/quarters.ts';
import { RESULT_FIELDS, resultRow } from '../lib/opendata/csv.ts';
import type { ScoredQuarter } from './quarters.ts';

/** The field order of the history file. */
export const HISTORY_FIELDS = ['quarter', ...RESULT_FIELDS, 'releasedOn', 'docNumber'] as const;

/** The rows, oldest quarter first, each quarter's units in their published order. */
export function historyRows(quarters: readonly ScoredQuarter[]) {
	return [...quarters]
		.sort((a, b) => quarterIndex(a.quarter) - quarterIndex(b.quarter))
		.flatMap((q) =>
			q.units.map((u) => ({
				quarter: q.quarter,
				...resultRow(u),
				releasedOn: q.release.releasedOn,
				docNumber: q.release.docNumber,
			})),
		);
}
