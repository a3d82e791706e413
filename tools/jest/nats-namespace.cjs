// Every Jest worker gets a NATS subject namespace of its own (KAPOCS_NATS_SUBJECT_PREFIX, see
// libs/platform/runtime/src/rpc/nats-transport.ts): suites of different projects run in parallel on the one NATS
// server, and a request must never be answered by another suite's service (one that is stopping, for instance).
// Processes a suite spawns inherit it; a prefix already set from outside is kept.
process.env.KAPOCS_NATS_SUBJECT_PREFIX ??= `t${process.pid}${Math.random().toString(36).slice(2, 8)}`;
