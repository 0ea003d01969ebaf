/** The objections as the pages and open data read them (`src/lib/objections/public.ts`), made once per build. */
import { loadDataset } from '../loaders/pipeline.ts';
import { asOfDate } from '../lib/asof.ts';
import { exemplarPublication } from '../lib/exemplars/publish.ts';
import { publishObjections, type PublicObjection } from '../lib/objections/public.ts';
import { recordPublication } from './evidence.ts';

let memo: { dataset: unknown; asOf: string; list: PublicObjection[] } | undefined;

/** The objections published on the as-of date, newest first. */
export function objectionList(): PublicObjection[] {
	const d = loadDataset();
	const asOf = asOfDate();
	if (memo?.dataset !== d || memo.asOf !== asOf) {
		const pub = recordPublication();
		const candidates = new Set(exemplarPublication(d, asOf).exemplars.map((e) => e.id));
		memo = {
			dataset: d,
			asOf,
			list: publishObjections(
				d.objections.map((o) => o.value),
				d.calendar,
				asOf,
				(id) => pub.publicId.get(id) ?? id,
				candidates,
			),
		};
	}
	return memo.list;
}
