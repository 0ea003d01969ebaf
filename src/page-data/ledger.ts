/**
 * The 更正台账 as the pages and open data read it: the corrections of the quarters public on the as-of date
 * (`src/lib/ledger/ledger.ts`), with each unit's name in the corrected quarter, and the release snapshots that anyone
 * can hash to check a quarter's fingerprint.
 */
import { datasetReleases, loadDataset, unitNameIn } from '../loaders/pipeline.ts';
import { dataDir, diskFiles } from '../loaders/data-dir.ts';
import { asOfDate } from '../lib/asof.ts';
import { ledgerEntries, type LedgerEntry } from '../lib/ledger/ledger.ts';
import { snapshotPath } from '../lib/validate/checks/releases.ts';
import { addQuarters, type QuarterId } from '../lib/quarters.ts';

let memo: { dataset: unknown; asOf: string; entries: LedgerEntry[] } | undefined;

/** Every published correction, newest first. */
export function ledger(): LedgerEntry[] {
	const d = loadDataset();
	const asOf = asOfDate();
	if (memo?.dataset !== d || memo.asOf !== asOf) {
		const released = datasetReleases(d, asOf);
		memo = {
			dataset: d,
			asOf,
			entries: ledgerEntries(
				d.corrections.map((c) => c.value).filter((c) => released.has(c.quarter)),
				unitNameIn(d),
			),
		};
	}
	return memo.entries;
}

/** The corrections of a quarter, newest first. */
export const correctionsOf = (q: QuarterId) => ledger().filter((e) => e.quarter === q);

/** The corrections that changed a unit's results, newest first. */
export const correctionsOfUnit = (unitId: string) =>
	ledger().filter((e) => e.changes.some((c) => c.unitId === unitId));

/**
 * The corrections of the quarter before `q` that changed a unit's score after `q` was released, by unit: the 较上季度
 * that `q` published for that unit was measured against the old score, and the one shown now against the new one.
 */
export function previousScoreCorrections(q: QuarterId, releasedOn: string): Map<string, string[]> {
	const before = addQuarters(q, -1);
	return idsByUnit(
		ledger().filter((e) => e.quarter === before && e.date > releasedOn),
		(c) => c.field === 'score',
	);
}

/** The ids of `entries`, in their order and each once, by the unit of each change `counts` takes. */
function idsByUnit(
	entries: readonly LedgerEntry[],
	counts: (c: LedgerEntry['changes'][number]) => boolean = () => true,
): Map<string, string[]> {
	const byUnit = new Map<string, string[]>();
	for (const e of entries)
		for (const c of e.changes) {
			const ids = byUnit.get(c.unitId) ?? [];
			if (counts(c) && !ids.includes(e.id)) byUnit.set(c.unitId, [...ids, e.id]);
		}
	return byUnit;
}

/** The anchor of a correction on the 更正台账 page. */
export const correctionHref = (id: string) => `/corrections/#${id}`;

/** The open-data field order of `/data/corrections.*`. */
export const CORRECTION_FIELDS = [
	'id',
	'quarter',
	'date',
	'docNumber',
	'unitId',
	'unitName',
	'field',
	'fieldLabel',
	'from',
	'to',
	'reason',
] as const;

/** `/data/corrections.*` rows: one per unit and field changed, in the ledger's order. */
export function correctionRows(): Record<(typeof CORRECTION_FIELDS)[number], string>[] {
	return ledger().flatMap((e) =>
		e.changes.map((c) => ({
			id: e.id,
			quarter: e.quarter,
			date: e.date,
			docNumber: e.docNumber,
			unitId: c.unitId,
			unitName: c.unitName,
			field: c.field,
			fieldLabel: c.fieldLabel,
			from: c.from,
			to: c.to,
			reason: e.reason,
		})),
	);
}

/** The public quarters whose release is sealed, with the snapshot's bytes exactly as committed. */
export function publishedSnapshots(): { quarter: QuarterId; bytes: Uint8Array }[] {
	const d = loadDataset();
	const released = datasetReleases(d, asOfDate());
	const files = diskFiles(dataDir());
	return [...d.sealed.keys()]
		.filter((q) => released.has(q))
		.sort()
		.map((quarter) => ({ quarter, bytes: files.read(snapshotPath(quarter))! }));
}

/**
 * The corrections of a quarter that changed each unit's results, by unit id, oldest first: what the grades table and
 * the grades file mark as corrected.
 */
export function correctedUnits(q: QuarterId): Map<string, string[]> {
	return idsByUnit([...correctionsOf(q)].reverse());
}
