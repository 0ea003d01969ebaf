/**
 * Ends a command once everything it printed has gone out. `process.exit()` ends at once, and what a pipe has not
 * taken yet is lost: inside `npm run build` a stage's output is a pipe, so a validation with some hundred messages
 * (a number typed into every row of a 277-row correction) reached the office cut off after about a hundred lines.
 */
export async function exitWhenWritten(code: number): Promise<never> {
	// A write's callback runs once it, and so every write before it, has been handed on.
	await Promise.all([process.stdout, process.stderr].map((s) => new Promise((done) => s.write('', done))));
	process.exit(code);
}
