// The scene document: the one persisted truth of a project. Pure data, validated by zod.
// Units: metres, radians, Y up — identical in data and in rendering (no axis swaps anywhere).
// Focal length in millimetres is the stored truth of a camera; FOV is always derived (core/lens).
import '../util/zodConfig';
import { z } from 'zod';
import { isReservedName } from './names';

export const CURRENT_SCHEMA_VERSION = 4;
export const DOCUMENT_KIND = 'previs-sandbox/project';

const finite = z.number().finite();
const nonNeg = finite.min(0);
const positive = finite.positive();
export const Vec3 = z.tuple([finite, finite, finite]);
export type Vec3 = z.infer<typeof Vec3>;
const Colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour like #a1b2c3');
const Id = z
  .string()
  .min(1)
  .max(128)
  .refine((s) => !isReservedName(s), { error: (iss) => `${JSON.stringify(iss.input)} is not a valid id (every JavaScript object already has a property of that name)` });
const Name = z.string().max(256);
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'expected a lowercase hex SHA-256');

export const Transform = z.object({
  position: Vec3,
  /** Euler XYZ, radians */
  rotation: Vec3,
  scale: Vec3,
});
export type Transform = z.infer<typeof Transform>;

const base = {
  id: Id,
  name: Name,
  parentId: Id.nullable(),
  transform: Transform,
  visible: z.boolean(),
  locked: z.boolean(),
};

export const WallOpening = z.object({
  /** offset of the opening's centre along the wall from the wall's centre, metres */
  offset: finite,
  sill: nonNeg,
  width: positive,
  height: positive,
});

// Set pieces, buildings and actors have their origin at the centre of their base: they stand on y = 0.
export const SetPiece = z.object({
  ...base,
  type: z.literal('setPiece'),
  shape: z.enum(['box', 'cylinder', 'plane', 'stairs', 'wall']),
  /** width (x), height (y), depth (z) in metres; for cylinders x = diameter */
  size: Vec3,
  steps: z.number().int().min(1).max(200).optional(),
  openings: z.array(WallOpening).max(64).optional(),
  colour: Colour,
});
export type SetPiece = z.infer<typeof SetPiece>;

export const BuildingMaterial = z.enum(['concrete', 'brick', 'glass', 'steel']);
export const Building = z.object({
  ...base,
  type: z.literal('building'),
  footprint: z.object({ width: positive.max(1000), depth: positive.max(1000) }),
  floors: z.number().int().min(1).max(200),
  floorHeight: positive.max(20),
  bays: z.object({ x: z.number().int().min(1).max(100), z: z.number().int().min(1).max(100) }),
  /** window area as a fraction of each bay's face */
  windowRatio: finite.min(0).max(0.95),
  roof: z.enum(['flat', 'gable', 'hip']),
  material: BuildingMaterial,
  colour: Colour,
});
export type Building = z.infer<typeof Building>;

export const ActorBuild = z.enum(['male', 'female', 'child']);
export const Actor = z.object({
  ...base,
  type: z.literal('actor'),
  build: ActorBuild,
  heightCm: finite.min(40).max(260),
  /** joint name → Euler XYZ radians, relative to the rest pose */
  pose: z.record(z.string().max(64), Vec3),
  posePreset: z.string().max(64).nullable(),
  lookAt: Vec3.nullable(),
  colour: Colour,
});
export type Actor = z.infer<typeof Actor>;

export const Lens = z.object({
  focalLengthMm: finite.min(1).max(2000),
  kind: z.enum(['spherical', 'anamorphic']),
  squeeze: finite.min(1).max(2),
  tStop: finite.min(0.5).max(64),
  focusDistanceM: finite.min(0.05).max(100000),
  /** the prime set or zoom this lens belongs to, for [ / ] stepping */
  lensSetId: z.string().max(64).nullable(),
});
export type Lens = z.infer<typeof Lens>;

export const CameraBody = z.object({
  sensorPresetId: z.string().max(64).nullable(),
  sensorWidthMm: finite.min(1).max(100),
  sensorHeightMm: finite.min(1).max(100),
});
export type CameraBody = z.infer<typeof CameraBody>;

/** What an aimed camera looks at: a mark on an object (an actor's eyes or head, any object's centre or origin) or a
 * fixed point in the world. */
export const AimTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('object'), objectId: Id, mark: z.enum(['eyes', 'head', 'centre', 'origin']) }),
  z.object({ kind: z.literal('point'), point: Vec3 }),
]);
export type AimTarget = z.infer<typeof AimTarget>;

/** A look-at constraint, evaluated in core/timeline each frame after the tracks (so it follows a moving target). */
export const CameraAim = z.object({
  target: AimTarget,
  /** 1 = aimed at the target, 0 = the camera's own rotation; keyed as "aim.weight" (step keys switch it on and off) */
  weight: finite.min(0).max(1),
  /** focus distance follows the target: its depth along the lens axis, every frame */
  followFocus: z.boolean(),
});
export type CameraAim = z.infer<typeof CameraAim>;

export const Camera = z.object({
  ...base,
  type: z.literal('camera'),
  body: CameraBody,
  lens: Lens,
  /** delivery aspect ratio, width / height (2.39, 1.85, 16/9 …) */
  deliveryAspect: finite.min(0.2).max(5),
  /** background plate shown when looking through this camera */
  backgroundPlateId: Id.nullable(),
  /** look-at constraint (schema 4); absent or null: the camera is aimed by its rotation alone */
  aim: CameraAim.nullable().optional(),
});
export type Camera = z.infer<typeof Camera>;

export const Light = z.object({
  ...base,
  type: z.literal('light'),
  kind: z.enum(['sun', 'spot', 'point', 'area']),
  colour: Colour,
  intensity: nonNeg.max(1e6),
  castShadow: z.boolean(),
  /** sun only: hours 0–24, drives elevation/azimuth */
  timeOfDay: finite.min(0).max(24).optional(),
  /** spot only: cone half-angle, radians */
  angle: finite.min(0).max(Math.PI / 2).optional(),
  /** area only: metres */
  width: positive.max(1000).optional(),
  height: positive.max(1000).optional(),
});
export type Light = z.infer<typeof Light>;

export const Plate = z.object({
  ...base,
  type: z.literal('plate'),
  assetId: Sha256,
  mediaKind: z.enum(['image', 'video']),
  widthPx: z.number().int().min(1).max(16384),
  heightPx: z.number().int().min(1).max(16384),
  frameCount: z.number().int().min(1).max(1_000_000),
  fps: finite.min(1).max(240),
  /** video: the scene frame its first frame plays at (default 0); before and after the clip it holds */
  startFrame: z.number().int().min(-1_000_000).max(1_000_000).optional(),
  /** plate rights: needed by the disclosure system */
  rights: z.enum(['owned', 'licensed', 'third-party', 'unknown']),
  depictsPerson: z.boolean(),
  performerName: z.string().max(256).nullable(),
  /** who the depicted performer is, for the disclosure policy (a public figure or a deceased person needs more) */
  performerStatus: z.enum(['private', 'public-figure', 'deceased']).optional(),
});
export type Plate = z.infer<typeof Plate>;

export const ImportedAsset = z.object({
  ...base,
  type: z.literal('asset'),
  assetId: Sha256,
  format: z.enum(['glb', 'gltf']),
  /** metres per file unit, confirmed by the user on import */
  unitScale: positive,
  rights: z.enum(['owned', 'licensed', 'third-party', 'unknown']),
});
export type ImportedAsset = z.infer<typeof ImportedAsset>;

export const RunReport = z.object({
  backend: z.string().max(64),
  adapter: z.string().max(256).nullable(),
  fallbackReason: z.string().max(1024).nullable(),
  timingsMs: z.record(z.string().max(64), nonNeg),
  peakMemoryBytes: nonNeg.nullable(),
  /** the memory measures behind peakMemoryBytes, by name (wasmHeapBytes, webgpuBufferPeakBytes…) */
  memory: z.record(z.string().max(64), nonNeg).optional(),
  softwareVersion: z.string().max(64),
  startedAt: z.string().max(64),
});
export type RunReport = z.infer<typeof RunReport>;

export const ModelRef = z.object({
  id: z.string().max(128),
  version: z.string().max(64),
  sha256: Sha256,
  license: z.string().max(128),
  kind: z.enum(['learned', 'procedural']),
});
export type ModelRef = z.infer<typeof ModelRef>;

/**
 * One run of an effect layer: what the run produced and with what settings, kept so an earlier take can be made
 * active again. Its disclosure record (the take's identity in the ledger: approvals and consent name that record
 * and its output hash) is `recordId`. A purged take keeps its entry, without its assets.
 */
export const Take = z.object({
  /** the take number, the run number of its disclosure record */
  n: z.number().int().min(1).max(1_000_000),
  recordId: Id.nullable(),
  output: z.object({ assetId: Sha256, contentHash: Sha256 }),
  params: z.record(z.string().max(64), z.unknown()),
  seed: z.number().int().min(0).max(2 ** 32 - 1),
  models: z.array(ModelRef).max(32),
  inputHashes: z.record(Id, Sha256),
  runReport: RunReport.nullable(),
  frameRange: z.object({ start: z.number().int(), end: z.number().int() }).nullable(),
  /** the assets the run made (bake, de-aged frames, mask): freed when the take is purged */
  assets: z.array(Sha256).max(64),
  madeAt: z.string().max(64),
  purged: z.boolean(),
  /** the consent linked to this take (a consent link belongs to the take it was made for) */
  consentId: Id.nullable().optional(),
});
export type Take = z.infer<typeof Take>;

export const EffectLayer = z.object({
  ...base,
  type: z.literal('effectLayer'),
  effect: z.string().min(1).max(64),
  /** ids of the objects (building, plate…) the effect reads */
  targetIds: z.array(Id).max(256),
  params: z.record(z.string().max(64), z.unknown()),
  seed: z.number().int().min(0).max(2 ** 32 - 1),
  models: z.array(ModelRef).max(32),
  status: z.enum(['idle', 'running', 'done', 'failed']),
  /** content hashes of the inputs the last run read */
  inputHashes: z.record(Id, Sha256),
  output: z.object({ assetId: Sha256, contentHash: Sha256 }).nullable(),
  runReport: RunReport.nullable(),
  frameRange: z.object({ start: z.number().int(), end: z.number().int() }).nullable(),
  intendedUse: z.enum(['previs-only', 'may-reach-final']),
  /** declared by the artist: third-party IP involved in inputs or outputs */
  thirdPartyIp: z.boolean(),
  consentId: Id.nullable(),
  runCount: z.number().int().min(0),
  /** set by the effect: true when it alters a real person's likeness (face, body, voice); when absent, a target
   * plate that depicts a person counts as a likeness alteration (the safe default) */
  altersLikeness: z.boolean().optional(),
  /** every run of the layer, oldest first; absent in files from before takes (the layer's one result is take 1) */
  takes: z.array(Take).max(1000).optional(),
  /** the take the layer shows and exports; its fields above are that take's */
  activeTake: z.number().int().min(1).optional(),
});
export type EffectLayer = z.infer<typeof EffectLayer>;

export const SceneObject = z.discriminatedUnion('type', [
  SetPiece,
  Building,
  Actor,
  Camera,
  Light,
  Plate,
  ImportedAsset,
  EffectLayer,
]);
export type SceneObject = z.infer<typeof SceneObject>;
export type ObjectType = SceneObject['type'];
export type ObjectOfType<T extends ObjectType> = Extract<SceneObject, { type: T }>;

export const ShotSize = z.enum(['INSERT', 'ECU', 'CU', 'MCU', 'MS', 'MLS', 'FS', 'LS', 'WS', 'EWS']);
export const Shot = z.object({
  id: Id,
  number: z.string().max(32),
  name: Name,
  cameraId: Id,
  /** frame numbers on the scene timeline, in inclusive, out exclusive */
  in: z.number().int().min(0),
  out: z.number().int().min(1),
  take: z.number().int().min(1).max(9999),
  size: ShotSize.nullable(),
  angle: z.string().max(64).nullable(),
  notes: z.string().max(10_000),
  /** the shot in words as the director typed it ("MS on Ana, low angle, 35 mm"); core/shotgrammar reads it */
  description: z.string().max(1000).optional(),
});
export type Shot = z.infer<typeof Shot>;

export const Interpolation = z.enum(['step', 'linear', 'bezier']);
export const Keyframe = z.object({
  frame: finite,
  /** a number, a vector, or named channels (an actor's pose: joint → Euler XYZ) keyed as a whole */
  value: z.union([finite, z.array(finite).max(256), z.record(z.string().max(64), z.array(finite).max(16))]),
  interp: Interpolation,
  /** bezier handles in normalised (time, value) space, CSS-style */
  ease: z.tuple([finite, finite, finite, finite]).optional(),
});
export type Keyframe = z.infer<typeof Keyframe>;

export const MAX_TRACK_KEYS = 100_000;
const KeyList = z.array(Keyframe).max(MAX_TRACK_KEYS);
const INTERPOLATIONS = new Set<unknown>(Interpolation.options);

/** every element a finite number, at most `max` of them */
function finiteList(v: unknown, max: number, exact = false): boolean {
  if (!Array.isArray(v) || v.length > max || (exact && v.length !== max)) return false;
  for (let i = 0; i < v.length; i++) {
    const n: unknown = v[i];
    if (typeof n !== 'number' || !Number.isFinite(n)) return false;
  }
  return true;
}

/**
 * True when every key is exactly what KeyList would output unchanged (a number or vector value, no extra fields).
 * zod spends microseconds on each key (the value union tries a number before a vector); a long take's 100,000
 * keys are checked here in a tight loop instead, and anything this does not vouch for goes through zod for its
 * exact message.
 */
function plainKeys(v: unknown): v is Keyframe[] {
  if (!Array.isArray(v) || v.length > MAX_TRACK_KEYS) return false;
  for (let i = 0; i < v.length; i++) {
    const k: unknown = v[i];
    if (typeof k !== 'object' || k === null || Array.isArray(k)) return false;
    const r = k as Record<string, unknown>;
    let fields = 0;
    for (const _ in r) fields++;
    if (typeof r.frame !== 'number' || !Number.isFinite(r.frame) || !INTERPOLATIONS.has(r.interp)) return false;
    const value = r.value;
    if (typeof value === 'number' ? !Number.isFinite(value) : !finiteList(value, 256)) return false;
    if ('ease' in r ? !finiteList(r.ease, 4, true) || fields !== 4 : fields !== 3) return false;
  }
  return true;
}

/** Keys: the tight check above, else zod's (whose issues keep their paths below `keys`). */
const Keys = z.unknown().transform((v, ctx): Keyframe[] => {
  if (plainKeys(v)) return v;
  const r = KeyList.safeParse(v);
  if (r.success) return r.data;
  for (const issue of r.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  return z.NEVER;
});

export const Track = z.object({
  id: Id,
  targetId: Id,
  /** property path on the object, e.g. "transform.position", "lens.focalLengthMm", "pose" */
  property: z.string().min(1).max(128),
  keys: Keys,
});
export type Track = z.infer<typeof Track>;

export const Environment = z.object({
  skyColour: Colour,
  groundColour: Colour,
  groundSize: positive.max(100_000),
});

export const Scene = z.object({
  id: Id,
  name: Name,
  environment: Environment,
  objects: z.record(Id, SceneObject),
  shots: z.record(Id, Shot),
  shotOrder: z.array(Id),
  tracks: z.record(Id, Track),
});
export type Scene = z.infer<typeof Scene>;

export const AssetMeta = z.object({
  id: Sha256,
  name: Name,
  mime: z.string().max(128),
  byteLength: z.number().int().min(0),
  kind: z.enum(['plate', 'model', 'bake', 'document', 'thumbnail']),
});
export type AssetMeta = z.infer<typeof AssetMeta>;

/** One signed entry of the project's hash chain; its payload is interpreted by core/disclosure. */
export const LedgerEntry = z.object({
  seq: z.number().int().min(0),
  kind: z.enum(['disclosure', 'review', 'consent', 'consent-revocation', 'key', 'member', 'merge', 'take-purge']),
  payload: z.record(z.string(), z.unknown()),
  prevHash: z.string().max(64),
  hash: Sha256,
  signature: z.string().max(512).nullable(),
  keyId: z.string().max(128).nullable(),
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;

export const FrameRate = z.union([
  z.literal(23.976),
  z.literal(24),
  z.literal(25),
  z.literal(29.97),
  z.literal(30),
  z.literal(48),
  z.literal(50),
  z.literal(59.94),
  z.literal(60),
]);
export type FrameRate = z.infer<typeof FrameRate>;

export const Project = z.object({
  kind: z.literal(DOCUMENT_KIND),
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  id: Id,
  name: Name,
  createdAt: z.string().max(64),
  modifiedAt: z.string().max(64),
  settings: z.object({
    fps: FrameRate,
    /** 29.97 and 59.94 only: drop-frame timecode labels (the default) or non-drop; ignored at other rates */
    dropFrame: z.boolean().optional(),
    /** project frame range, in inclusive, out exclusive */
    frameIn: z.number().int().min(0),
    frameOut: z.number().int().min(1),
    author: z.string().max(256),
  }),
  scenes: z.record(Id, Scene),
  sceneOrder: z.array(Id).min(1),
  assets: z.record(Sha256, AssetMeta),
  ledger: z.array(LedgerEntry),
  /**
   * The studio the project belongs to, pinned by its root certificate's SHA-256 fingerprint. Not authority:
   * approvals are checked against the root the checker holds, and count only when it is this one.
   */
  studio: z.object({ name: Name, rootFingerprint: Sha256 }).nullable().optional(),
});
export type Project = z.infer<typeof Project>;
