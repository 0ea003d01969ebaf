/**
 * The facts behind the scores on the pages: the evidence rows behind a unit's indicator points, and the units' 失信
 * records (also as open data; each quarter's evidence file is made in `src/loaders/opendata-bulk.ts`). Every field of
 * the evidence rows is public by design (the office writes them for publication), so they go out as validated, but
 * for the deduction of a 失信 record repaired by the as-of date; the 失信 records and those rows go out only through
 * `src/lib/dishonesty/public.ts`, which withholds a repaired record's details.
 */
import { loadDataset } from '../loaders/pipeline.ts';
import type { Evidence } from '../lib/validate/dataset.ts';
import { asOfDate } from '../lib/asof.ts';
import { publicEvidence, publishRecords, type RecordPublication } from '../lib/dishonesty/public.ts';
import { EVIDENCE_KINDS, type EvidenceKind } from '../schemas/evidence.ts';
import type { PledgeRow } from '../schemas/pledge.ts';

let records: { dataset: unknown; asOf: string; value: RecordPublication } | undefined;

/** The 失信 records as published on the build's as-of date (made once per dataset and date). */
export function recordPublication(): RecordPublication {
	const d = loadDataset();
	const asOf = asOfDate();
	if (records?.dataset !== d || records.asOf !== asOf)
		records = {
			dataset: d,
			asOf,
			value: publishRecords(
				d.dishonesty.map((r) => r.value),
				asOf,
				d.unitNames.map((n) => n.value),
				new Map(d.units.map((u) => [u.value.id, u.value])),
			),
		};
	return records.value;
}

let byId: { evidence: unknown; map: Map<string, Evidence> } | undefined;

/**
 * The published evidence rows by id (for the unit pages' breakdowns), from the validated dataset the pipeline holds
 * (evidence is not a content collection: see `src/content.config.ts`), indexed once per build; a row of a repaired
 * 失信 record as `publicEvidence` publishes it.
 */
export function evidenceById(): ReadonlyMap<string, Evidence> {
	const evidence = loadDataset().evidence;
	if (byId?.evidence !== evidence) {
		// Asked once, not once a row: each asking loads the dataset and reads the as-of date (a million times at city
		// scale, about 1.5 s of the astro stage).
		const records = recordPublication();
		byId = { evidence, map: new Map(evidence.map((e) => [e.value.id, publicEvidence(e.value, records)])) };
	}
	return byId.map;
}

const ENTITIES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;',
};
const SPECIAL = /[&<>"']/;
const EVERY_SPECIAL = new RegExp(SPECIAL.source, 'g');
/**
 * Text as HTML: every character that could start markup or end an attribute is escaped. Most texts have none, and
 * are returned after one test rather than a replace (a city's year pages escape four million texts).
 */
export const escapeHtml = (s: string) => (SPECIAL.test(s) ? s.replace(EVERY_SPECIAL, (c) => ENTITIES[c]) : s);

const KIND_LABEL = Object.fromEntries(EVIDENCE_KINDS.map((k) => [k.value, k.label])) as Record<
	EvidenceKind,
	string
>;

/**
 * The `<li>` items of the evidence rows behind an indicator's points (date · kind · what · source · reason, and the
 * row's 记录编号 in small print, which objections and citations quote), as HTML text. Built as a string rather than as Astro elements: a unit's year page lists four quarters of them (about
 * 400 rows at city scale), 2,500 such pages per build, and Astro renders each expression of each row separately.
 * Every value from the data goes through `escapeHtml`. A row whose 类型 was left blank is labelled by `implied`, the
 * kind its indicator's rule reads it as (a blank row of a 完成 indicator is a 完成 row, not a 事项).
 */
export function evidenceItemsHtml(
	ids: readonly string[],
	evidence: ReadonlyMap<string, Evidence>,
	implied?: EvidenceKind,
): string {
	let html = '';
	for (const id of ids) {
		const e = evidence.get(id);
		if (!e) continue;
		const count = e.count && e.count > 1 ? ` ${e.count} 项` : '';
		const reason = e.reason ? `（理由：${escapeHtml(e.reason)}）` : '';
		html += `<li><span class="date">${escapeHtml(e.date ?? '')}</span> · ${KIND_LABEL[e.kind ?? implied ?? 'item']}${count}${e.what ? ` · ${escapeHtml(e.what)}` : ''}${e.source ? ` · ${escapeHtml(e.source)}` : ''}${reason} <small class="record-id">${escapeHtml(id)}</small></li>`;
	}
	return html;
}

/**
 * The `<li>` items of the pledges behind the pledges indicator's points (signing date · 企业信用承诺 · the enterprise,
 * linked to its row on the unit's pledges page, and its 统一社会信用代码), as HTML text, as `evidenceItemsHtml` does
 * for evidence rows. Every value from the data goes through `escapeHtml`.
 */
export function pledgeItemsHtml(ids: readonly string[], pledges: ReadonlyMap<string, PledgeRow>): string {
	let html = '';
	for (const id of ids) {
		const p = pledges.get(id);
		if (!p) continue;
		const href = `/commitments/pledges/${encodeURIComponent(p.unitId)}/#${encodeURIComponent(p.id)}`;
		html += `<li><span class="date">${escapeHtml(p.signedOn)}</span> · 企业信用承诺 · <a href="${escapeHtml(href)}">${escapeHtml(p.enterprise)}</a>（${escapeHtml(p.uscc)}） <small class="record-id">${escapeHtml(id)}</small></li>`;
	}
	return html;
}
