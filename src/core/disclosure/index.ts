// Disclosure: records, canonical JSON, hashing, signing, the hash chain, consent, review and the export gate.
// Pure: imports nothing of the app but the document schema. The store (src/store/effectRuns.ts) is the only
// writer of the ledger; exporters read through exportGate and buildDisclosureBundle.
export * from './canonical';
export * from './crypto';
export * from './vocab';
export * from './policy';
export * from './record';
export * from './review';
export * from './consent';
export * from './consentFields';
export * from './ledger';
export * from './state';
export * from './status';
export * from './gate';
export * from './bundle';
export * from './actions';
export * from './approvalTurn';
export * from './purge';
export * from './takes';
