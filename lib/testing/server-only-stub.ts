// Tests run lib/etcd outside Next.js; the real "server-only" package throws when imported
// outside a React Server environment, so tests alias it to this empty module.
export {};
