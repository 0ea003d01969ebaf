/** The folder of the build's intermediate files (dataset snapshot, score results, open-data files). */
import { resolve } from 'node:path';

/** `CACHE_DIR`, or `.cache/` under the current directory. */
export const CACHE_ROOT = resolve(process.env.CACHE_DIR || '.cache');
