/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser), with the flags this closed network needs.
 */
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** The flags Chromium needs here (root, no GPU, a closed network): for playwright's launch and the bench's own. */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-quic',
];

/** Launches headless Chromium. */
export function launch(): Promise<Browser> {
	return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}
