/**
 * `npm run docs`: writes the data dictionary (generated from `src/schemas/`) into src/docs/data-dictionary.md between the
 * `<!-- dictionary:start -->` and `<!-- dictionary:end -->` markers. `--check` only reports whether it is up to date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { withDictionary } from '../src/lib/opendata/dictionary.ts';

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
	console.log(`用法：npm run docs [-- --check]

根据 src/schemas/ 中的数据定义生成数据字典，写入 src/docs/data-dictionary.md
（<!-- dictionary:start --> 与 <!-- dictionary:end --> 之间）。修改了数据定义后运行一次再提交。

  --check   只检查 src/docs/data-dictionary.md 中的数据字典是否为最新，不写文件；不是最新时退出码为 1`);
	process.exit(0);
}
const file = resolve(import.meta.dirname, '..', 'src', 'docs', 'data-dictionary.md');
const before = readFileSync(file, 'utf8');
let after: string;
try {
	after = withDictionary(before);
} catch (e) {
	console.error((e as Error).message);
	process.exit(1);
}
if (args.includes('--check')) {
	if (after !== before) {
		console.error('src/docs/data-dictionary.md 中的数据字典不是最新的：请运行 npm run docs 后提交。');
		process.exit(1);
	}
	console.log('src/docs/data-dictionary.md 中的数据字典是最新的。');
} else if (after === before) console.log('src/docs/data-dictionary.md 中的数据字典已是最新，没有改动。');
else {
	writeFileSync(file, after);
	console.log('已更新 src/docs/data-dictionary.md 中的数据字典。');
}
