/**
 * The templates of the office page (/office/, 填报台), made from the validated data folder at build time: the units,
 * the rubrics and the quarters that have evidence (`src/lib/office/templates.ts`).
 */
import { loadDataset } from '../loaders/pipeline.ts';
import { asOfDate } from '../lib/asof.ts';
import { evidenceQuarters } from '../lib/office/report.ts';
import {
	nextQuarter,
	officeTemplates,
	type TemplateData,
	type TemplateFile,
} from '../lib/office/templates.ts';

let memo: TemplateFile[] | undefined;

/** What the templates are made from. */
function templateData(): TemplateData {
	const d = loadDataset();
	return {
		units: d.units.map((u) => u.value),
		rubrics: d.rubrics,
		quarters: evidenceQuarters(d),
		takenIds: new Set(d.evidence.map((e) => e.value.id)),
		asOf: asOfDate(),
	};
}

/** Every template file the office page offers (made once per build). */
export function siteTemplates(): TemplateFile[] {
	return (memo ??= officeTemplates(templateData()));
}

/** The quarter the prefilled template is for, and why there is none when it cannot be made. */
export function siteNextQuarter(): ReturnType<typeof nextQuarter> {
	return nextQuarter(templateData());
}
