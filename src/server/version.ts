// One version for /health and the sync protocol's compatibility check.
export const SERVER_VERSION = '0.1.0';
/** bumped when the shape of the shared Yjs document changes incompatibly */
export const SYNC_SCHEMA_VERSION = 1;
