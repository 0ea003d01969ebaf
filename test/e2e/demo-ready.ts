/**
 * Runs before each browser test file (the e2e project's `setupFiles`): waits until the demo build the global setup
 * started has ended, so that no test reads `distDir` or `baseUrl` before the site is there, and stops the file with
 * the build's own output when it failed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import type { DemoBuild } from './global-setup.ts';

const resultFile = inject('demoResult');
// A build of the demo takes under a minute on a loaded two-core machine; ten is a hang.
for (let waited = 0; !existsSync(resultFile); waited += 250) {
	if (waited > 600_000) throw new Error('演示站点构建超过 10 分钟仍未结束');
	await sleep(250);
}
const result: DemoBuild = JSON.parse(readFileSync(resultFile, 'utf8'));
if (!result.ok) throw new Error(`演示站点构建失败：\n${result.output}`);
