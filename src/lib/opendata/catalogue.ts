/**
 * The 数据下载 page's list of files, read from the data package: each JSON file with its CSV twin, its description,
 * the number of rows, the latest date in the rows (any field of type `date`, up to the as-of date) and the file sizes,
 * and the CSV file's
 * Chinese twin (`twin.ts`). Files of one family
 * (a quarter's grades, a year's rubric …) are grouped under one heading.
 */
import type { DataPackage } from './datapackage.ts';
import type { FileFacts } from './facts.ts';
import { twinPath } from './twin.ts';

/** One JSON file and its CSV twin. */
export interface CatalogueItem {
	/** The varying part of a family's title (`2023-Q4`), or the dataset's title. */
	label: string;
	rows: number;
	/** The latest value of the rows' date fields that is not after the as-of date, when they have any. */
	latest?: string;
	/** The files; the Chinese twin of the CSV file is made after the pages, so its size is not known here. */
	files: { format: 'JSON' | 'CSV' | '中文 CSV'; path: string; bytes?: number }[];
}

/** A dataset, or a family of them (one per quarter or year). */
export interface CatalogueGroup {
	title: string;
	description: string;
	items: CatalogueItem[];
}

/**
 * The groups, in the data package's order. A field whose latest date is after `asOf` is a deadline or the end of a
 * period still running (a commitment's 完成时限, a 公示's last day, an objection's 核查期限), not the date of a record:
 * the page's 最近记录日期 tells a reader how recent the data is, and a date in the future (2029-12-31 for the
 * commitments) would say nothing of that.
 */
export function catalogue(
	pkg: DataPackage,
	files: ReadonlyMap<string, FileFacts>,
	asOf: string,
): CatalogueGroup[] {
	const groups: CatalogueGroup[] = [];
	for (const r of pkg.resources) {
		if (r.format !== 'json') continue;
		const facts = files.get(r.path);
		if (!facts) continue;
		let latest: string | undefined;
		for (const f of r.schema.fields) {
			const v = f.type === 'date' ? facts.greatest?.[f.name] : undefined;
			if (v !== undefined && v <= asOf && (latest === undefined || v > latest)) latest = v;
		}
		const twin = pkg.resources.find((x) => x.name === `${r.name}-csv`);
		const m = r.path.includes('/') ? r.title.match(/^(.*)（(.*)）$/) : null;
		const title = m ? m[1] : r.title;
		const item: CatalogueItem = {
			label: m ? m[2] : r.title,
			rows: facts.rows ?? 0,
			latest,
			files: [
				{ format: 'JSON', path: r.path, bytes: r.bytes },
				...(twin
					? [
							{ format: 'CSV' as const, path: twin.path, bytes: twin.bytes },
							{ format: '中文 CSV' as const, path: twinPath(twin.path) },
						]
					: []),
			],
		};
		const last = groups.at(-1);
		if (m && last?.title === title) last.items.push(item);
		else groups.push({ title, description: r.description, items: [item] });
	}
	return groups;
}

/** A file size for people: `8.4 KB`, `1.2 MB`. */
export function formatBytes(n: number): string {
	if (n < 1024) return `${n} B`;
	if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
	return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
