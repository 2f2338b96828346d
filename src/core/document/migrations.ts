// Upgrades of saved files, one step per schema version. A file saved by any released version opens here.
// Each step takes the raw JSON of version N and returns the raw JSON of version N+1; validation happens after.
import { CURRENT_SCHEMA_VERSION } from './schema';

type Raw = Record<string, unknown>;
export interface Migration {
  from: number;
  to: number;
  describe: string;
  up(doc: Raw): Raw;
}

const isRecord = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

export const MIGRATIONS: Migration[] = [
  {
    from: 1,
    to: 2,
    describe: 'adds animation tracks to each scene and the signed disclosure ledger to the project',
    up(doc) {
      const scenes = isRecord(doc.scenes) ? doc.scenes : {};
      const upgraded: Raw = {};
      for (const [id, scene] of Object.entries(scenes)) {
        upgraded[id] = isRecord(scene) ? { ...scene, tracks: isRecord(scene.tracks) ? scene.tracks : {} } : scene;
      }
      return { ...doc, scenes: upgraded, ledger: Array.isArray(doc.ledger) ? doc.ledger : [], schemaVersion: 2 };
    },
  },
  {
    from: 2,
    to: 3,
    // an older build would drop a shot's description and refuse FS / INSERT sizes, so the version moves on
    describe: 'adds a shot description (the shot in words) and the FS and INSERT shot sizes',
    up(doc) {
      const scenes = isRecord(doc.scenes) ? doc.scenes : {};
      const upgraded: Raw = {};
      for (const [id, scene] of Object.entries(scenes)) {
        if (!isRecord(scene) || !isRecord(scene.shots)) {
          upgraded[id] = scene;
          continue;
        }
        const shots: Raw = {};
        for (const [sid, shot] of Object.entries(scene.shots)) {
          shots[sid] = isRecord(shot) && typeof shot.description !== 'string' ? { ...shot, description: '' } : shot;
        }
        upgraded[id] = { ...scene, shots };
      }
      return { ...doc, scenes: upgraded, schemaVersion: 3 };
    },
  },
  {
    from: 3,
    to: 4,
    // an older build would silently strip a camera's aim (zod drops unknown keys), so the version moves on
    describe: 'adds the camera look-at constraint (aim: target, weight, focus follows)',
    up(doc) {
      const scenes = isRecord(doc.scenes) ? doc.scenes : {};
      const upgraded: Raw = {};
      for (const [id, scene] of Object.entries(scenes)) {
        if (!isRecord(scene) || !isRecord(scene.objects)) {
          upgraded[id] = scene;
          continue;
        }
        const objects: Raw = {};
        for (const [oid, o] of Object.entries(scene.objects)) {
          objects[oid] = isRecord(o) && o.type === 'camera' && !('aim' in o) ? { ...o, aim: null } : o;
        }
        upgraded[id] = { ...scene, objects };
      }
      return { ...doc, scenes: upgraded, schemaVersion: 4 };
    },
  },
];

export type MigrationResult = { ok: true; doc: Raw; applied: string[] } | { ok: false; error: string };

export function migrate(doc: Raw): MigrationResult {
  const version = doc.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return { ok: false, error: 'schemaVersion: missing or not an integer' };
  }
  if (version > CURRENT_SCHEMA_VERSION) {
    return {
      ok: false,
      error: `schemaVersion: file is version ${version}, made by a newer Previs Sandbox (this one reads up to ${CURRENT_SCHEMA_VERSION})`,
    };
  }
  if (version < 1) return { ok: false, error: `schemaVersion: ${version} is not a version Previs Sandbox ever wrote` };
  let current = doc;
  const applied: string[] = [];
  for (let v = version; v < CURRENT_SCHEMA_VERSION; v++) {
    const step = MIGRATIONS.find((m) => m.from === v);
    if (!step) return { ok: false, error: `schemaVersion: no migration from version ${v}` };
    current = step.up(current);
    applied.push(`${step.from}→${step.to}: ${step.describe}`);
  }
  return { ok: true, doc: current, applied };
}
