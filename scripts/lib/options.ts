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

/**
 * Node's `parseArgs` error, in the office's words: `npm run release -- 2024-Q1 --dat 2024-04-20` printed "Unknown
 * option '--dat'. To specify a positional argument starting with a '-', place it at the end of the command after
 * '--', as in '-- "--dat"", and a `--doc` without its value "Option '--doc <value>' argument missing".
 * @param known the options the command takes, for the message
 */
export function parseArgsMessage(error: unknown, command: string, known: readonly string[]): string {
	const e = error as { code?: string; message?: string };
	const option = /'(--?[^' ]+)/.exec(e.message ?? '')?.[1] ?? '';
	const help = `（运行 ${command} -- --help 查看说明）`;
	switch (e.code) {
		case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
			return `${command} 不认识选项 ${option}：可用的选项是 ${known.join('、')}${help}`;
		case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
			return /does not take an argument/.test(e.message ?? '')
				? `选项 ${option} 后面不用写值${help}`
				: `选项 ${option} 后面缺少要填的值${help}`;
		case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
			return `${command} 多了参数 ${option || /'([^']*)'/.exec(e.message ?? '')?.[1] || ''}${help}`;
		default:
			return `${command} 的参数有误${help}`;
	}
}
