/**
 * The options a command takes, checked: `npm run validate -- --fxi` ran the check without fixing anything and said
 * nothing of the typo. A command given an option it does not know says so, with the ones it knows, and stops.
 */

/**
 * Stops the command (exit code 2) when an argument starting with `-` is not one of `known`, naming it and the known
 * ones and pointing to `--help`.
 * @param command how the office runs it, for the message (`npm run validate`)
 */
export function refuseUnknownOptions(
	args: readonly string[],
	known: readonly string[],
	command: string,
): void {
	const unknown = args.filter((a) => a.startsWith('-') && !known.includes(a));
	if (!unknown.length) return;
	console.error(
		`${command} 不认识选项 ${unknown.join('、')}：可用的选项是 ${known.join('、')}（运行 ${command} -- --help 查看说明）`,
	);
	process.exit(2);
}
