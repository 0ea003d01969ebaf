/**
 * Runs before each browser test file (the e2e project's `setupFiles`): waits until the demo build the global setup
 * started has ended, so that no test reads `distDir` or `baseUrl` before the site is there, and stops the file with
 * the build's own output when it failed.
 */
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { waitForFile } from '../helpers/build-site.ts';
import type { DemoBuild } from './global-setup.ts';

const resultFile = inject('demoResult');
await waitForFile(resultFile, '演示站点构建超过 10 分钟仍未结束');
const result: DemoBuild = JSON.parse(readFileSync(resultFile, 'utf8'));
if (!result.ok) throw new Error(`演示站点构建失败：\n${result.output}`);
