// The disclosure record: what was generated, from what, by which software and models, for which use, by whom.
// One record per run of an effect layer, created by the store in the same step as the run (never by hand).
import type { ReviewRole } from './vocab';
import { z } from 'zod';
import type { EffectLayer, Plate, Project, SceneObject } from '../document/schema';
import { hashCanonical } from './crypto';
import { computePolicy, type Policy } from './policy';
import {
  C2PA_ACTIONS,
  DIGITAL_SOURCE_TYPES,
  DigitalSourceType,
  DISCLOSURE_SCHEMA_VERSION,
  RECORD_TYPE,
  RELATIONSHIPS,
  REVIEW_ROLES,
  SOFTWARE_NAME,
  type DigitalSourceTypeUri,
  type Relationship,
} from './vocab';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const Id = z.string().min(1).max(128);
const Rights = z.enum(['owned', 'licensed', 'third-party', 'unknown']);
const role = z.enum(REVIEW_ROLES);

export const ScreenRegion = z.discriminatedUnion('space', [
  /** pixels of a plate, origin top-left */
  z.strictObject({
    space: z.literal('plate'),
    plateId: Id,
    x: z.number().int().min(0),
    y: z.number().int().min(0),
    width: z.number().int().min(1),
    height: z.number().int().min(1),
  }),
  /** the scene objects the layer replaces or covers (a collapse bake covers its building) */
  z.strictObject({ space: z.literal('objects'), objectIds: z.array(Id).max(256) }),
]);
export type ScreenRegion = z.infer<typeof ScreenRegion>;

export const RecordInput = z.strictObject({
  objectId: Id,
  objectType: z.string().max(32),
  name: z.string().max(256),
  contentHash: Sha256,
  relationship: z.enum(RELATIONSHIPS),
  rights: Rights,
  personalData: z.boolean(),
  likeness: z.boolean(),
  thirdPartyIp: z.boolean(),
  performerName: z.string().max(256).nullable(),
  performerStatus: z.enum(['private', 'public-figure', 'deceased']).nullable(),
});
export type RecordInput = z.infer<typeof RecordInput>;

export const RecordModel = z.strictObject({
  id: z.string().max(128),
  version: z.string().max(64),
  sha256: Sha256,
  licence: z.string().max(128),
  kind: z.enum(['learned', 'procedural']),
});

const Flags = z.strictObject({
  aiGenerated: z.literal(true),
  likeness: z.boolean(),
  personalData: z.boolean(),
  thirdPartyIp: z.boolean(),
  unknownRights: z.boolean(),
  publicFigure: z.boolean(),
  deceased: z.boolean(),
  mayReachFinal: z.boolean(),
});

export const DisclosureRecord = z.strictObject({
  type: z.literal(RECORD_TYPE),
  schemaVersion: z.literal(DISCLOSURE_SCHEMA_VERSION),
  recordId: Id,
  /** the record of the previous run of the same layer, which this one supersedes */
  supersedes: Id.nullable(),
  run: z.number().int().min(1),
  layerId: Id,
  layerName: z.string().max(256),
  projectId: Id,
  projectName: z.string().max(256),
  sceneId: Id,
  shotIds: z.array(Id),
  operation: z.strictObject({
    effect: z.string().min(1).max(64),
    action: z.enum(C2PA_ACTIONS),
    digitalSourceType: z.enum(DIGITAL_SOURCE_TYPES),
    /** the output is composited into the shot: a c2pa.placed action at export */
    placedIntoScene: z.literal(true),
    description: z.string().max(1024),
  }),
  software: z.strictObject({ name: z.string().max(64), version: z.string().max(64) }),
  models: z.array(RecordModel),
  backend: z.strictObject({
    name: z.string().max(64),
    adapter: z.string().max(256).nullable(),
    fallbackReason: z.string().max(1024).nullable(),
  }),
  params: z.record(z.string(), z.unknown()),
  seed: z.number().int().min(0),
  inputs: z.array(RecordInput),
  output: z.strictObject({ assetId: Sha256, contentHash: Sha256 }),
  frameRange: z.strictObject({ start: z.number().int(), end: z.number().int() }).nullable(),
  screenRegion: ScreenRegion,
  intendedUse: z.enum(['previs-only', 'may-reach-final']),
  thirdPartyIpDeclared: z.boolean(),
  author: z.strictObject({ name: z.string().min(1).max(256), role, keyId: z.string().max(128) }),
  createdAt: z.string().max(64),
  policy: z.strictObject({
    flags: Flags,
    requirements: z.array(
      z.strictObject({
        kind: z.enum(['approval', 'consent', 'representative-consent']),
        role: role.nullable(),
        because: z.string().max(32),
        text: z.string().max(512),
      }),
    ),
    approvalRoles: z.array(role),
    consentRequired: z.boolean(),
  }),
});
export type DisclosureRecord = z.infer<typeof DisclosureRecord>;

export interface Author {
  name: string;
  role: ReviewRole;
  keyId: string;
}

export interface RecordContext {
  project: Project;
  sceneId: string;
  layer: EffectLayer;
  author: Author;
  recordId: string;
  now: string;
  /** the previous record of this layer, if it ran before */
  previous: DisclosureRecord | null;
  /** where on screen the layer lands; defaults to the whole target plate or the target objects */
  region?: ScreenRegion;
  /** overrides of the ingredient relationship, by object id */
  relationships?: Record<string, Relationship>;
  /** a one-line human description of the operation ("15 years younger", "collapse from the base") */
  description?: string;
}

/** Checks a layer is complete enough to be disclosed; names what is missing. */
export function undisclosableReason(layer: EffectLayer): string | null {
  if (layer.status !== 'done') return `layer "${layer.name}" has not finished (status ${layer.status})`;
  if (!layer.output) return `layer "${layer.name}" has no output to disclose`;
  if (!layer.runReport) return `layer "${layer.name}" has no run report (backend, software version)`;
  return null;
}

export async function createDisclosureRecord(ctx: RecordContext): Promise<DisclosureRecord> {
  const { project, sceneId, layer } = ctx;
  const missing = undisclosableReason(layer);
  if (missing) throw new Error(missing);
  const scene = project.scenes[sceneId];
  if (!scene) throw new Error(`no scene ${sceneId}`);
  const inputs = await collectInputs(layer, scene.objects, ctx.relationships ?? {});
  const plates = inputs.filter((i) => i.objectType === 'plate');
  const learned = layer.models.some((m) => m.kind === 'learned');
  const onRealPlate = plates.length > 0;
  const dst: DigitalSourceTypeUri = onRealPlate
    ? learned
      ? DigitalSourceType.compositeWithTrainedAlgorithmicMedia
      : DigitalSourceType.compositeSynthetic
    : learned
      ? DigitalSourceType.trainedAlgorithmicMedia
      : DigitalSourceType.algorithmicMedia;
  const policy: Policy = computePolicy({
    likeness: inputs.some((i) => i.likeness),
    personalData: inputs.some((i) => i.personalData),
    thirdPartyIp: layer.thirdPartyIp || inputs.some((i) => i.thirdPartyIp),
    unknownRights: inputs.some((i) => i.rights === 'unknown'),
    publicFigure: inputs.some((i) => i.performerStatus === 'public-figure'),
    deceased: inputs.some((i) => i.performerStatus === 'deceased'),
    mayReachFinal: layer.intendedUse === 'may-reach-final',
  });
  const fr = layer.frameRange;
  const shotIds = scene.shotOrder.filter((id) => {
    const s = scene.shots[id];
    return !!s && (!fr || (s.in <= fr.end && s.out > fr.start));
  });
  const rr = layer.runReport!;
  const record: DisclosureRecord = {
    type: RECORD_TYPE,
    schemaVersion: DISCLOSURE_SCHEMA_VERSION,
    recordId: ctx.recordId,
    supersedes: ctx.previous?.recordId ?? null,
    run: (ctx.previous?.run ?? 0) + 1,
    layerId: layer.id,
    layerName: layer.name,
    projectId: project.id,
    projectName: project.name,
    sceneId,
    shotIds,
    operation: {
      effect: layer.effect,
      // a real plate is edited (it is the parent); otherwise the output is new media made from scene data
      action: onRealPlate ? 'c2pa.edited' : 'c2pa.created',
      digitalSourceType: dst,
      placedIntoScene: true,
      description: ctx.description ?? `${layer.effect} effect "${layer.name}"`,
    },
    software: { name: SOFTWARE_NAME, version: rr.softwareVersion },
    models: layer.models.map((m) => ({ id: m.id, version: m.version, sha256: m.sha256, licence: m.license, kind: m.kind })),
    backend: { name: rr.backend, adapter: rr.adapter, fallbackReason: rr.fallbackReason },
    params: layer.params,
    seed: layer.seed,
    inputs,
    output: { assetId: layer.output!.assetId, contentHash: layer.output!.contentHash },
    frameRange: fr ? { start: fr.start, end: fr.end } : null,
    screenRegion: ctx.region ?? defaultRegion(layer, scene.objects),
    intendedUse: layer.intendedUse,
    thirdPartyIpDeclared: layer.thirdPartyIp,
    author: { name: ctx.author.name, role: ctx.author.role, keyId: ctx.author.keyId },
    createdAt: ctx.now,
    policy: {
      flags: policy.flags,
      requirements: policy.requirements.map((r) => ({ ...r })),
      approvalRoles: policy.approvalRoles,
      consentRequired: policy.consentRequired,
    },
  };
  // the record must satisfy its own schema before anyone signs it
  return DisclosureRecord.parse(record);
}

function defaultRegion(layer: EffectLayer, objects: Record<string, SceneObject>): ScreenRegion {
  const plate = layer.targetIds.map((id) => objects[id]).find((o): o is Plate => o?.type === 'plate');
  if (plate) return { space: 'plate', plateId: plate.id, x: 0, y: 0, width: plate.widthPx, height: plate.heightPx };
  return { space: 'objects', objectIds: [...layer.targetIds] };
}

async function collectInputs(
  layer: EffectLayer,
  objects: Record<string, SceneObject>,
  relationships: Record<string, Relationship>,
): Promise<RecordInput[]> {
  const ids = [...new Set([...layer.targetIds, ...Object.keys(layer.inputHashes)])];
  let parentTaken = false;
  const out: RecordInput[] = [];
  for (const id of ids) {
    const o = objects[id];
    const isTarget = layer.targetIds.includes(id);
    // the first target plate is the media being edited; other targets become part of the output; anything else
    // the run read (masks, references) is an input to the process
    let relationship: Relationship = relationships[id] ?? (isTarget ? 'componentOf' : 'inputTo');
    if (!relationships[id] && isTarget && o?.type === 'plate' && !parentTaken) relationship = 'parentOf';
    if (relationship === 'parentOf') parentTaken = true;
    const contentHash = layer.inputHashes[id] ?? (o?.type === 'plate' ? o.assetId : o ? await hashCanonical(o) : null);
    if (!contentHash) throw new Error(`input ${id} of layer "${layer.name}" is neither in the scene nor hashed by the run`);
    const plate = o?.type === 'plate' ? o : null;
    const rights = o && (o.type === 'plate' || o.type === 'asset') ? o.rights : 'owned';
    const person = !!plate?.depictsPerson;
    out.push({
      objectId: id,
      objectType: o?.type ?? 'external',
      name: o?.name ?? id,
      contentHash,
      relationship,
      rights,
      personalData: person,
      likeness: person && isTarget && (layer.altersLikeness ?? true),
      thirdPartyIp: rights === 'third-party',
      performerName: plate?.performerName ?? null,
      performerStatus: plate ? (plate.performerStatus ?? (person ? 'private' : null)) : null,
    });
  }
  return out;
}
