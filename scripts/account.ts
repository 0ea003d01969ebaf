/**
 * `node scripts/account.ts`: the build's "nothing lost" check. For every input file of DATA_DIR prints
 * rows read = published + withheld (with the rule) + refused, and exits 1 if any file does not balance.
 */
import { loadDataset } from '../src/loaders/pipeline.ts';
import { accountRows, balanced } from '../src/lib/accounting.ts';
import { asOfDate } from '../src/lib/asof.ts';

let dataset;
try {
	dataset = loadDataset();
} catch (e) {
	console.error((e as Error).message);
	process.exit(1);
}
const asOf = asOfDate();
const accounts = accountRows(dataset, asOf);
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
