// Stand-in for the "server-only" package under Vitest: the real one throws outside a React Server
// Components build, and the unit tests run server modules directly in Node.
export {};
