// The signed purge of a take: its assets leave the project, and the ledger keeps that it existed.
import { z } from 'zod';
import { DISCLOSURE_SCHEMA_VERSION, PURGE_TYPE, REVIEW_ROLES } from './vocab';

const Id = z.string().min(1).max(128);
export const TakePurge = z.strictObject({
  type: z.literal(PURGE_TYPE),
  schemaVersion: z.literal(DISCLOSURE_SCHEMA_VERSION),
  purgeId: Id,
  layerId: Id,
  recordId: Id,
  take: z.number().int().min(1),
  /** the output that was thrown away */
  outputHash: z.string().regex(/^[0-9a-f]{64}$/),
  reason: z.string().max(1000),
  by: z.strictObject({ name: z.string().min(1).max(256), role: z.enum(REVIEW_ROLES), keyId: z.string().max(128) }),
  at: z.string().max(64),
});
export type TakePurge = z.infer<typeof TakePurge>;

export interface PurgeFacts {
  seq: number;
  at: string;
  by: string;
  reason: string;
}

