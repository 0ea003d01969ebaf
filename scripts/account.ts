/**
 * `node scripts/account.ts`: the build's "nothing lost" check. For every input file of DATA_DIR prints
 * rows read = published + withheld (with the rule) + refused, and exits 1 if any file does not balance.
 *
 * `node scripts/account.ts --verify <site folder>`: after the site is built, checks that what the accounting counts
 * as published is what the built site holds (`src/lib/opendata/published-rows.ts`), file by file; exits 1 on any
 * difference.
 */
import { createHash } from 'node:crypto';
import {
	closeSync,
	existsSync,
	mkdirSync,
	openSync,
	readFileSync,
	readSync,
	renameSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadDataset } from '../src/loaders/pipeline.ts';
import { dataDir } from '../src/loaders/data-dir.ts';
import { CACHE_ROOT } from '../src/loaders/cache-dir.ts';
import { accountRows, balanced, type FileAccount } from '../src/lib/accounting.ts';
import { publishedRows, type BuiltSite } from '../src/lib/opendata/published-rows.ts';
import { bulkFacts } from '../src/loaders/opendata-bulk.ts';
import type { FileFacts } from '../src/lib/opendata/facts.ts';
import { asOfDate } from '../src/lib/asof.ts';
import { sha256Label } from '../src/lib/ledger/canonical.ts';
import { brokenSiteLinks } from '../src/lib/validate/site-links.ts';
import { formatIssue } from '../src/lib/issues.ts';

const { values } = parseArgs({ options: { verify: { type: 'string' } } });

let dataset;
try {
	dataset = loadDataset();
} catch (e) {
	console.error((e as Error).message);
	process.exit(1);
}
const asOf = asOfDate();

/**
 * Inside `npm run build` (one `XINYONG_BUILD_ID` for its stages), the accounting stage hands its figures to the check
 * after the site is built, which then compares the site with exactly what the accounting printed, and need not hold
 * the evidence rows again (a city's million, while the search index is built beside it).
 */
const ACCOUNTS = join(CACHE_ROOT, 'accounts.json');
const key = { build: process.env.XINYONG_BUILD_ID, dir: dataDir(), asOf };
function handedOver(): FileAccount[] | undefined {
	if (!key.build || !existsSync(ACCOUNTS)) return undefined;
	try {
		const saved = JSON.parse(readFileSync(ACCOUNTS, 'utf8'));
		return saved.build === key.build && saved.dir === key.dir && saved.asOf === key.asOf
			? (saved.accounts as FileAccount[])
			: undefined;
	} catch {
		return undefined;
	}
}
const accounts = (values.verify && handedOver()) || accountRows(dataset, asOf);

const chunk = Buffer.allocUnsafeSlow(1 << 20);
/**
 * A file's SHA-256 as the data package writes it (`sha256:<hex>`), read a megabyte at a time into one buffer. Read
 * whole, each of a city's evidence files (300 MB in all) took fresh memory that the system clears a page at a time
 * first: large, this check 2.7 s → 2.0 s, 131,000 → 101,000 page faults.
 */
function sha256Of(file: string): string {
	const hash = createHash('sha256');
	const fd = openSync(file, 'r');
	try {
		for (let n = readSync(fd, chunk); n > 0; n = readSync(fd, chunk)) hash.update(chunk.subarray(0, n));
	} finally {
		closeSync(fd);
	}
	return sha256Label(hash.digest('hex'));
}

if (values.verify) {
	const site = values.verify;
	// The evidence files as the 写出开放数据 stage of this build wrote them, with the rows it counted: a file of the site
	// that is the same bytes (its SHA-256) holds those rows, and is not parsed again (a city's million rows, 3 s).
	let staged: ReadonlyMap<string, FileFacts> | undefined;
	try {
		staged = bulkFacts();
	} catch {
		staged = undefined;
	}
	const built: BuiltSite = {
		json: (path) => JSON.parse(readFileSync(join(site, path), 'utf8')) as unknown,
		exists: (path) => existsSync(join(site, path)),
		knownRows: (path) => {
			const facts = staged?.get(path.replace(/^data\//, ''));
			if (facts?.rows === undefined) return undefined;
			return sha256Of(join(site, path)) === facts.hash ? facts.rows : undefined;
		},
	};
	let differ = 0;
	let checked = 0;
	for (const f of dataset.files) {
		const found = publishedRows(dataset, f, built);
		if (found === undefined) continue;
		checked++;
		const counted = accounts.find((a) => a.file === f.file)!.published;
		if (found === counted) continue;
		differ++;
		console.error(`  ✗ ${f.file}：数据去向记为发布 ${counted} 行，网站上实际有 ${found} 行`);
	}
	// The links of the stories and policy texts to this site, looked up in the site just built.
	const ids = new Map<string, Set<string>>();
	const broken = brokenSiteLinks(dataset.siteLinks, {
		isFile: (path) => {
			try {
				return statSync(join(site, path)).isFile();
			} catch {
				return false;
			}
		},
		ids: (path) => {
			let found = ids.get(path);
			if (!found) {
				const html = readFileSync(join(site, path), 'utf8');
				found = new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]));
				ids.set(path, found);
			}
			return found;
		},
	});
	for (const issue of broken) console.error(formatIssue(issue));
	if (differ)
		console.error(`${differ} 个文件发布的行数与数据去向不符：网站上的内容与检查通过的数据不一致，没有发布。`);
	if (broken.length)
		console.error(
			`${broken.length} 个链接指向本站没有的页面或位置：读者点开会找不到，没有发布。请按上面所列改正正文后再构建。`,
		);
	if (differ || broken.length) process.exit(1);
	console.log(`发布核对：${checked} 个文件，网站上的行数与数据去向一致。`);
	process.exit(0);
}

console.log(`数据去向（截至 ${asOf}）：读入 = 发布 + 不公开 + 被拒绝`);
let bad = 0;
for (const a of accounts) {
	const withheld = a.withheld.reduce((s, w) => s + w.count, 0);
	const ok = balanced(a);
	if (!ok) bad++;
	console.log(`  ${ok ? '✓' : '✗'} ${a.file}：${a.rowsIn} = ${a.published} + ${withheld} + ${a.refused}`);
	for (const w of a.withheld) console.log(`      不公开 ${w.count} 行：${w.rule}`);
}
if (bad) {
	console.error(`${bad} 个文件的行数对不上：有数据行既没有发布、也没有说明去向。`);
	process.exit(1);
}
if (key.build) {
	mkdirSync(CACHE_ROOT, { recursive: true });
	// Written aside and renamed, so the check never reads half a file.
	writeFileSync(`${ACCOUNTS}.tmp`, JSON.stringify({ ...key, accounts }));
	renameSync(`${ACCOUNTS}.tmp`, ACCOUNTS);
}
