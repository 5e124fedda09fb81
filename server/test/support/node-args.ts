/**
 * How the tests start a Node process of the workspace (the server, a second
 * server for the contention tests): from the TypeScript sources, through tsx,
 * with the packages resolved to their sources (their exports' `@clr/source`
 * condition) — as `npm start` runs it, and with no build needed.
 */
export const SOURCE_NODE_ARGS: readonly string[] = ['--conditions=@clr/source', '--import', 'tsx'];
