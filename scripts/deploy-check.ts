/**
 * `npm run deploy:check -- <网站上现有的发布快照文件夹>`: before a new build replaces the site online, holds the
 * release snapshots the site has published (copied from its `/data/releases/`) to the new build's
 * (`OUT_DIR/data/releases/`, default dist/). Exit 1 when one is gone or changed, 0 when all reach the new site as they
 * were. See scripts/lib/deploy-guard.ts and the CI example (scripts/deploy/ci.yml).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { compareSnapshots, SNAPSHOT_NAME } from './lib/deploy-guard.ts';
import { parseArgsMessage } from './lib/options.ts';

const COMMAND = 'npm run deploy:check';
const OPTIONS = ['--allow', '--help'];
let parsed;
try {
	parsed = parseArgs({
		allowPositionals: true,
		options: { allow: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' } },
	});
} catch (e) {
	console.error(parseArgsMessage(e, COMMAND, OPTIONS));
	process.exit(2);
}
const { values, positionals } = parsed;
if (values.help || positionals.length !== 1) {
	const usage = `用法：${COMMAND} -- <网站上现有的发布快照文件夹> [--allow <季度> …]

新构建的网站替换线上网站之前，核对线上网站已经公布的每个发布快照（从网站的 /data/releases/ 复制下来的文件夹）
在新构建的网站（OUT_DIR，默认 dist/）中是否还在、是否逐字节相同。有快照被删去或改动时退出码为 1，不要发布。

  --allow <季度>   确属撤回发布时，放行这个季度（可写多次）`;
	if (values.help) {
		console.log(usage);
		process.exit(0);
	}
	console.error(usage);
	process.exit(2);
}

/** The snapshot files of a folder (file name → bytes); an absent folder has none. */
function snapshots(dir: string): Map<string, Uint8Array> {
	const files = new Map<string, Uint8Array>();
	if (!existsSync(dir)) return files;
	for (const name of readdirSync(dir))
		if (SNAPSHOT_NAME.test(name) && statSync(join(dir, name)).isFile())
			files.set(name, readFileSync(join(dir, name)));
	return files;
}

const liveDir = resolve(positionals[0]);
if (!existsSync(liveDir) || !statSync(liveDir).isDirectory()) {
	console.error(
		`找不到文件夹 ${positionals[0]}：请先把线上网站的 /data/releases/ 复制到这里（第一次发布时线上还没有网站，不必核对）。`,
	);
	process.exit(2);
}
const outDir = resolve(process.env.OUT_DIR ?? 'dist');
const nextDir = join(outDir, 'data', 'releases');
if (!existsSync(join(outDir, 'index.html'))) {
	console.error(`${outDir} 中没有构建好的网站：请先运行 npm run build。`);
	process.exit(2);
}
const { problems, allowed, checked } = compareSnapshots(
	snapshots(liveDir),
	snapshots(nextDir),
	new Set(values.allow),
);
for (const a of allowed) console.log(a);
if (problems.length) {
	for (const p of problems) console.error(p);
	console.error(`共 ${problems.length} 个已发布季度的快照被删去或改动，新构建的网站不能发布。`);
	process.exit(1);
}
console.log(`已核对 ${checked} 个已发布季度的快照：新构建的网站中都在，与线上网站的逐字节相同。`);
