/**
 * `node scripts/search-index.ts --site <built site> [pagefind options]`: the build's search index stage. Runs Pagefind
 * (the extended binary: Chinese segmentation) on the site with the glob of `searchGlob`, which leaves out the pages
 * kept out of the index; any other option is passed on to Pagefind (the bench adds `--output-path`). Exits with
 * Pagefind's status.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { searchGlob } from './lib/search-glob.ts';

// No stack trace reaches the office (the stack with DEBUG=1, for the developer).
process.on('uncaughtException', (e) => {
	console.error(`建立搜索索引时内部错误：${e.message}。这不是数据的问题，请把这条信息告诉网站维护人员。`);
	if (process.env.DEBUG) console.error(e.stack);
	process.exit(2);
});

const args = process.argv.slice(2);
const site = args[args.indexOf('--site') + 1];
if (!args.includes('--site') || !site) {
	console.error('用法：node scripts/search-index.ts --site <网站目录> [pagefind 的其他选项]');
	process.exit(2);
}
const pagefind = join(import.meta.dirname, '..', 'node_modules', '.bin', 'pagefind');
const r = spawnSync(pagefind, [...args, '--glob', searchGlob(site)], { stdio: 'inherit' });
if (r.error) console.error(`无法运行 Pagefind：${r.error.message}`);
process.exit(r.status ?? 1);
