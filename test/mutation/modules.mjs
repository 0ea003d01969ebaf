// @ts-check
/**
 * The rule modules `npm run mutation` measures (issue 16), each with the files Stryker mutates for it. Each module is
 * a Stryker run of its own, with its own incremental file and report under `.cache/stryker/<id>/`, so one module can
 * be measured again after its tests change without testing the others.
 * @type {{ id: string; name: string; mutate: string[] }[]}
 */
export const MODULES = [
	{ id: 'scoring', name: 'scoring', mutate: ['src/lib/scoring/score.ts'] },
	{
		id: 'validator',
		name: 'validator rules',
		mutate: ['src/lib/validate/checks/*.ts', 'src/lib/validate/context.ts'],
	},
	{
		id: 'exemplars',
		name: 'exemplar lifecycle and public record',
		mutate: ['src/lib/exemplars/lifecycle.ts', 'src/lib/exemplars/public.ts', 'src/lib/exemplars/publish.ts'],
	},
	{
		id: 'commitments',
		name: 'commitments',
		mutate: [
			'src/lib/commitments/status.ts',
			'src/lib/commitments/coverage.ts',
			'src/lib/commitments/pledges.ts',
		],
	},
	{ id: 'workdays', name: 'working days', mutate: ['src/lib/calendar/workdays.ts'] },
	{ id: 'uscc', name: 'USCC', mutate: ['src/lib/uscc.ts'] },
	// The office's files read: UTF-8, GBK/GB18030 and UTF-16 told apart line by line, and the CSV rows with their lines
	{ id: 'reader', name: 'CSV reader', mutate: ['src/lib/csv.ts', 'src/lib/text-position.ts'] },
	// A table's header matched to its columns, every cell checked against the column's schema, the rows kept or named
	{ id: 'tables', name: 'table reader', mutate: ['src/lib/validate/read-table.ts'] },
	// site.json and the rubrics: syntax and schema errors at their line and column
	{ id: 'json', name: 'JSON reader', mutate: ['src/lib/validate/json.ts'] },
	// Stories and policy documents: the limits checked before the parser, and where its messages point
	{ id: 'markdown', name: 'Markdown reader', mutate: ['src/lib/markdown/parse.ts'] },
	// csvCell, inertCell, toCsv and the grades files written with them
	{ id: 'csv', name: 'CSV writer', mutate: ['src/lib/opendata/csv.ts'] },
	{ id: 'releases', name: 'releases', mutate: ['src/lib/releases.ts'] },
	{ id: 'dishonesty', name: 'public 失信 records', mutate: ['src/lib/dishonesty/public.ts'] },
	// ID numbers, mobile numbers, e-mail addresses, QQ and WeChat ids in public text, and how the validator reports them
	{
		id: 'personal',
		name: 'personal numbers',
		mutate: ['src/lib/personal-numbers.ts', 'src/lib/validate/personal.ts'],
	},
];
