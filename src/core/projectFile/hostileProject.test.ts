// Attacks on the project loader, each aimed at one protective rule: inherited names as ids, `__proto__` keys
// (also spelled with escapes), deep chains vs cycles, budgets of a zip bundle, and the dry run before admission.
import { describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { createHash } from 'node:crypto';
import { serializeProject, checkHierarchy, MAX_PARENT_DEPTH, type Project } from '../document';
import { buildDemoProject } from '../document/demo';
import { admitProjectText, dryRunProject } from './admit';
import { readProjectFile, MAX_DOCUMENT_BYTES, DOC_NAME } from './read';

const demo = () => buildDemoProject();
const text = (p: unknown) => JSON.stringify(p);
const refused = (t: string) => {
  const r = admitProjectText(t);
  if (r.ok) throw new Error('admitted a file it should refuse');
  return r.error;
};

describe('names every object inherits', () => {
  for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
    it(`refuses "${name}" as a scene reference, a track target and a parent, naming the field`, () => {
      const p = demo();
      expect(refused(text({ ...p, sceneOrder: [name] }))).toMatch(/^sceneOrder\.0: .*not a valid id/);
      const s = p.scenes.scene_street!;
      const tracked = { ...p, scenes: { scene_street: { ...s, tracks: { ...s.tracks, trk_cam_a_focus: { ...s.tracks.trk_cam_a_focus!, targetId: name } } } } };
      expect(refused(text(tracked))).toMatch(/tracks\.trk_cam_a_focus\.targetId: .*not a valid id/);
      const parented = { ...p, scenes: { scene_street: { ...s, objects: { ...s.objects, road: { ...s.objects.road!, parentId: name } } } } };
      expect(refused(text(parented))).toMatch(/objects\.road\.parentId: .*not a valid id/);
    });
  }

  it('refuses an object keyed "__proto__" instead of letting it vanish, in any spelling JSON allows', () => {
    const base = serializeProject(demo());
    const keyed = base.replace('"road": {', '"__proto__": {');
    expect(keyed).not.toBe(base);
    expect(refused(keyed)).toMatch(/^scenes\.scene_street\.objects: "__proto__" is not allowed/);
    expect(refused(base.replace('"road": {', '"\\u005f_proto__": {'))).toMatch(/"__proto__" is not allowed/);
    // in free-form records too: a pose, effect params, a ledger payload
    expect(refused(base.replace('"pose": {}', '"pose": {"__proto__": [1, 2, 3]}'))).toMatch(/pose: "__proto__"/);
  });

  it('a "constructor" joint in a pose is kept as data, not mistaken for an inherited property', () => {
    const base = serializeProject(demo());
    const r = admitProjectText(base.replace('"pose": {}', '"pose": {"constructor": [0, 0.1, 0]}'));
    expect(r.ok).toBe(true);
    if (r.ok) expect(Object.keys((r.project.scenes.scene_street!.objects.actor_ana as { pose: object }).pose)).toEqual(['constructor']);
  });
});

function chain(depth: number, cycle = false): string {
  const p = demo();
  const s = p.scenes.scene_street!;
  const objects: Record<string, unknown> = { ...s.objects };
  for (let i = 0; i < depth; i++) objects[`link_${i}`] = { ...s.objects.kerb_l!, id: `link_${i}`, parentId: i === 0 ? (cycle ? `link_${depth - 1}` : null) : `link_${i - 1}` };
  return text({ ...p, scenes: { scene_street: { ...s, objects } } });
}

describe('parent links', () => {
  it('admits a chain at the depth limit and refuses one past it by its depth, not as a cycle, in linear time', () => {
    expect(admitProjectText(chain(MAX_PARENT_DEPTH + 1)).ok).toBe(true);
    const deep = refused(chain(10_000));
    expect(deep).toMatch(new RegExp(`parent chain is ${MAX_PARENT_DEPTH + 1} links deep; the limit is ${MAX_PARENT_DEPTH}`));
    expect(deep).not.toMatch(/cycle/);
    // the check alone, on chains 10× apart: linear time, not the quadratic walk it replaced
    const links = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`o${i}`, { parentId: i ? `o${i - 1}` : null }]));
    const small = links(10_000);
    const large = links(100_000);
    const time = (o: Record<string, { parentId: string | null }>) => {
      const t0 = performance.now();
      expect(checkHierarchy(o)).toMatch(/links deep/);
      return performance.now() - t0;
    };
    time(small);
    const [a, b] = [time(small), time(large)];
    console.log(`hierarchy check: 10,000-deep chain ${a.toFixed(1)} ms, 100,000-deep ${b.toFixed(1)} ms`);
    expect(b).toBeLessThan(500);
  });

  it('names a real cycle as one, however long', () => {
    expect(refused(chain(2, true))).toMatch(/parent links form a cycle/);
    expect(refused(chain(5000, true))).toMatch(/parent links form a cycle/);
  });
});

describe('dry run before admission', () => {
  it('refuses a project whose scene cannot be evaluated, naming the scene', () => {
    const p = demo();
    const broken = { ...p, scenes: { scene_street: { ...p.scenes.scene_street!, tracks: null } } } as unknown as Project;
    expect(dryRunProject(broken)).toMatch(/^scenes\.scene_street: cannot be evaluated at frame 0/);
  });

  it('refuses an object whose transform is not finite (a project built in memory, past the schema)', () => {
    const p = demo();
    const s = p.scenes.scene_street!;
    const bad = { ...p, scenes: { scene_street: { ...s, objects: { ...s.objects, road: { ...s.objects.road!, transform: { ...s.objects.road!.transform, position: [NaN, 0, 0] } } } } } } as Project;
    expect(dryRunProject(bad)).toMatch(/^scenes\.scene_street\.objects\.road\.transform: not finite at frame 0/);
  });

  it('keys near the float range with an overshooting ease evaluate to a reported problem, never to Infinity', () => {
    const p = demo();
    const s = p.scenes.scene_street!;
    const keys = [
      { frame: 0, value: [1.7e308, 0, -1.7e308], interp: 'bezier', ease: [0.2, 1e308, 0.8, -1e308] },
      { frame: 240, value: [-1.7e308, 0, 1.7e308], interp: 'linear' },
    ];
    const r = admitProjectText(text({ ...p, scenes: { scene_street: { ...s, tracks: { ...s.tracks, trk_cam_a_dolly: { ...s.tracks.trk_cam_a_dolly!, keys } } } } }));
    expect(r.ok).toBe(true);
  });
});

describe('bundles', () => {
  const project = serializeProject(demo());

  it('opens a well-formed bundle', async () => {
    const r = await readProjectFile('b.previs.zip', zipSync({ [DOC_NAME]: strToU8(project) }));
    expect(r.ok).toBe(true);
  });

  it('refuses a bomb by the size its directory declares, before inflating it', async () => {
    // 65 MiB of spaces after the document compress to ~65 KB
    const padded = new Uint8Array(MAX_DOCUMENT_BYTES + 2 ** 20).fill(32);
    padded.set(strToU8(project));
    const bomb = zipSync({ [DOC_NAME]: padded }, { level: 9 });
    expect(bomb.byteLength).toBeLessThan(200_000);
    const t0 = performance.now();
    const r = await readProjectFile('bomb.previs.zip', bomb);
    const ms = performance.now() - t0;
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^bomb\.previs\.zip: its project document would expand to 65\.0 MiB; the limit is 64\.0 MiB$/);
    console.log(`${(bomb.byteLength / 1024).toFixed(0)} KiB bundle declaring 65 MiB refused in ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(500);
  });

  it('a directory that understates a size gets short data, never more than it declared', async () => {
    const padded = new Uint8Array(2 * 2 ** 20).fill(32);
    padded.set(strToU8(project));
    const zip = zipSync({ [DOC_NAME]: padded }, { level: 9 });
    const dv = new DataView(zip.buffer);
    // declare 100 bytes in both the local header and the central directory
    for (let i = 0; i + 4 <= zip.length; i++) {
      const sig = dv.getUint32(i, true);
      if (sig === 0x04034b50) dv.setUint32(i + 22, 100, true);
      if (sig === 0x02014b50) dv.setUint32(i + 24, 100, true);
    }
    const r = await readProjectFile('liar.previs.zip', zip);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^liar\.previs\.zip: (file: not valid JSON|damaged zip)/);
  });

  it('ignores entries it has no use for, however they are named, and finds assets by own name only', async () => {
    const data = strToU8('plate bytes');
    const id = createHash('sha256').update(data).digest('hex');
    const p = demo();
    const withAsset = { ...p, assets: { [id]: { id, name: 'x', mime: 'application/octet-stream', byteLength: data.byteLength, kind: 'plate' as const } } };
    const zip = zipSync({ [DOC_NAME]: strToU8(serializeProject(withAsset)), '__proto__': data, '../../etc/passwd': data, [`assets/${id}`]: data });
    const r = await readProjectFile('x.previs.zip', zip);
    expect(r.ok).toBe(true);
    if (r.ok) expect([...r.assets!.keys()]).toEqual([id]);
    const missing = zipSync({ [DOC_NAME]: strToU8(serializeProject(withAsset)), __proto__: data } as Record<string, Uint8Array>);
    const m = await readProjectFile('m.previs.zip', missing);
    expect(m.ok ? '' : m.error).toMatch(/^m\.previs\.zip: asset [0-9a-f]{64} is listed but missing/);
  });
});
