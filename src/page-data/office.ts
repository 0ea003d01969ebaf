/**
 * The templates of the office page (/office/, 填报台), made from the validated data folder at build time: the units,
 * the rubrics and the released quarters (`src/lib/office/templates.ts`). Only what is public goes into them: the page
 * is in `dist/` like any other, and a draft quarter never reaches `dist/` (issue 14), not even as the ids it has taken
 * or as the quarter the next template is for. The template for the quarter after the latest released one is offered
 * while its draft is being filled in; the office's own draft stays in its data folder.
 */
import { datasetReleases, loadDataset } from '../loaders/pipeline.ts';
import { asOfDate } from '../lib/asof.ts';
import {
	nextQuarter,
	officeTemplates,
	type TemplateData,
	type TemplateFile,
} from '../lib/office/templates.ts';

let memo: { templates: TemplateFile[]; next: ReturnType<typeof nextQuarter> } | undefined;

/** What the templates are made from. */
function templateData(): TemplateData {
	const d = loadDataset();
	const asOf = asOfDate();
	const released = datasetReleases(d, asOf);
	const takenIds: string[] = [];
	for (const { value } of d.evidence) if (released.has(value.quarter)) takenIds.push(value.id);
	return {
		units: d.units.map((u) => u.value),
		rubrics: d.rubrics,
		quarters: [...released.keys()],
		takenIds,
		asOf,
	};
}

/**
 * The templates and the next quarter, made together once per build from one `templateData()` (at city scale the ids
 * already taken are a million), which is not kept.
 */
function office(): NonNullable<typeof memo> {
	if (!memo) {
		const data = templateData();
		memo = { templates: officeTemplates(data), next: nextQuarter(data) };
	}
	return memo;
}

/** Every template file the office page offers. */
export function siteTemplates(): TemplateFile[] {
	return office().templates;
}

/** The quarter the prefilled template is for, and why there is none when it cannot be made. */
export function siteNextQuarter(): ReturnType<typeof nextQuarter> {
	return office().next;
}
