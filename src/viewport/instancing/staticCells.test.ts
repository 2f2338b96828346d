// Still members baked into cells: who is baked, what a cell's mesh holds, and what rebuilds when.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BoxGeometry, Frustum, Group, Matrix3, Matrix4, MeshStandardMaterial, PerspectiveCamera, Raycaster, Scene, SphereGeometry, Vector2, Vector3, type Mesh, type WebGLRenderer } from 'three';
import { InstancePool, InstanceStandIn, type BucketSpec } from './instancePool';
import { bake } from './staticCells';
import { memberSimplified } from './cellMath';

const renderer = { getRenderTarget: () => null, getSize: (v: Vector2) => v.set(1280, 720) } as unknown as WebGLRenderer;

const boxSpec = (): BucketSpec => ({ geometry: new BoxGeometry(1, 1, 1), material: new MeshStandardMaterial({ roughness: 0.8 }), castShadow: true, receiveShadow: true });
const ballSpec = (): BucketSpec => ({
  geometry: new SphereGeometry(0.5, 24, 16),
  lodGeometry: new SphereGeometry(0.5, 6, 4),
  lodKind: 'prop',
  material: new MeshStandardMaterial({ roughness: 0.8 }),
  castShadow: true,
  receiveShadow: true,
});

let clock = 0;
afterEach(() => vi.restoreAllMocks());

/** n objects along +x every 3 m (boxes, every third a ball); cells of 8 m (or as `switches` say); members rest for 100 ms. */
function stage(n: number, switches: { cellSize?: number; cull?: boolean; propLodPx?: number } = {}) {
  clock = 1000;
  vi.spyOn(performance, 'now').mockImplementation(() => clock);
  const scene = new Scene();
  const quality = { cull: true, lod: true, actorLodPx: 90, propLodPx: 40, batch: true, cellSize: 8, settleMs: 100, lodFollowsResolution: false, ...switches };
  const pool = new InstancePool(quality);
  scene.add(pool.root);
  const groups: Group[] = [];
  const standIns: InstanceStandIn[] = [];
  for (let i = 0; i < n; i++) {
    const g = new Group();
    g.name = `obj_${i}`;
    g.position.set(i * 3 + 0.5, 0, 0.5);
    const s = new InstanceStandIn(new BoxGeometry(), new MeshStandardMaterial());
    g.add(s);
    scene.add(g);
    if (i % 3 === 2) pool.attach(s, 'ball', ballSpec);
    else pool.attach(s, 'box', boxSpec);
    s.setColour(i === 0 ? '#ff0000' : '#808080');
    groups.push(g);
    standIns.push(s);
  }
  const camera = new PerspectiveCamera(40, 16 / 9, 0.1, 1000);
  camera.position.set(10, 5, 30);
  camera.lookAt(10, 0, 0);
  camera.updateMatrixWorld();
  /** one render's worth of pool work: world matrices, then prepare */
  const frame = (ms = 0) => {
    clock += ms;
    scene.updateMatrixWorld();
    pool.prepare(renderer, scene, camera);
  };
  /** the first render, then one after the members have rested: every member baked */
  const rest = () => {
    frame();
    frame(100);
  };
  return { scene, pool, groups, standIns, camera, frame, rest, quality };
}

/** Puts the editor camera at `from`, looking at `at`. */
function aim(camera: PerspectiveCamera, from: [number, number, number], at: [number, number, number]): void {
  camera.position.set(...from);
  camera.lookAt(...at);
  camera.updateMatrixWorld();
}

const cellMeshes = (pool: InstancePool) => pool.root.children.filter((o) => o.name.startsWith('cell:')) as Mesh[];
const instanced = (pool: InstancePool) => pool.bucket('box')!.cameraCount + pool.bucket('ball')!.cameraCount;

describe('static cells', () => {
  it('bake members once they have rested: no instance draws them, cells of 8 m hold them', () => {
    const { pool, standIns, frame } = stage(9);
    frame();
    // just written: still instances
    expect(pool.cells.baked).toBe(0);
    expect(instanced(pool)).toBe(9);
    frame(100);
    expect(pool.cells.baked).toBe(9);
    expect(instanced(pool)).toBe(0);
    expect(pool.last.baked).toBe(9);
    // x = 0.5 … 24.5 every 3 m: cells 0 (0.5, 3.5, 6.5), 1 (9.5, 12.5, 15.5), 2 (18.5, 21.5), 3 (24.5)
    expect(pool.cells.size).toBe(4);
    expect(new Set(standIns.map((s) => s.cell!.key.split('#')[1]))).toEqual(new Set(['0,0', '1,0', '2,0', '3,0']));
    // one full mesh per cell, and a mixed one (members at their own detail, or left out) for every cell of more
    // than one member or with a ball (which has a simplified mesh): all four
    expect(cellMeshes(pool).length).toBe(8);
  });

  it('a baked mesh holds the members where their instances stood, with their colours and turned normals', () => {
    const { pool, standIns, groups, frame } = stage(3);
    // a stretched, turned box: normals must follow the inverse transpose, as three's instancing shader does
    groups[1]!.scale.set(2, 1, 0.5);
    groups[1]!.rotation.y = 0.7;
    frame();
    frame(100);
    const full = standIns[0]!.cell!.full!;
    const g = full.geometry;
    // all three in one cell (x = 0.5, 3.5, 6.5): it spans the first box's left face to the ball's right
    expect(g.boundingBox!.min.x).toBeCloseTo(0, 5);
    expect(g.boundingBox!.max.x).toBeCloseTo(7, 5);
    // the red box's vertices sit where its instance stood, in world space
    const pos = g.getAttribute('position');
    const col = g.getAttribute('color');
    const red: Vector3[] = [];
    for (let i = 0; i < pos.count; i++) if (col.getX(i) === 1 && col.getY(i) === 0) red.push(new Vector3().fromBufferAttribute(pos, i));
    expect(red).toHaveLength(24);
    // the unit box around its object's origin (0.5, 0, 0.5)
    for (const k of ['x', 'y', 'z'] as const) {
      const lo = k === 'y' ? -0.5 : 0;
      expect(Math.min(...red.map((v) => v[k]))).toBeCloseTo(lo, 6);
      expect(Math.max(...red.map((v) => v[k]))).toBeCloseTo(lo + 1, 6);
    }
    // the stretched, turned box alone: normals are the inverse transpose of its world matrix, normalised
    const s = standIns[1]!;
    const one = bake([s]).geometry;
    const nm = new Matrix3().getNormalMatrix(s.written);
    const geo = s.bucket!.spec.geometry;
    for (let i = 0; i < 24; i++) {
      const want = new Vector3().fromBufferAttribute(geo.getAttribute('normal'), i).applyMatrix3(nm).normalize();
      expect(new Vector3().fromBufferAttribute(one.getAttribute('normal'), i).distanceTo(want)).toBeLessThan(1e-6);
      const p = new Vector3().fromBufferAttribute(geo.getAttribute('position'), i).applyMatrix4(s.written);
      expect(new Vector3().fromBufferAttribute(one.getAttribute('position'), i).distanceTo(p)).toBeLessThan(1e-6);
    }
    // and its triangles are the bucket geometry's
    expect(Array.from(one.index!.array)).toEqual(Array.from(geo.index!.array));
    // the material is the bucket's, with vertex colours for the instance tint
    expect((full.material as MeshStandardMaterial).vertexColors).toBe(true);
    expect((full.material as MeshStandardMaterial).roughness).toBe(0.8);
    // the full mesh casts; the mixed one does not (shadow maps take the full detail)
    expect(full.castShadow).toBe(true);
    expect(standIns[0]!.cell!.mixed!.castShadow).toBe(false);
  });

  it('a baked mesh merges repeated corners: fewer vertices, the very same triangles', () => {
    const { standIns, groups, frame } = stage(3);
    groups[2]!.rotation.y = 0.4;
    frame();
    frame(100);
    // a UV sphere repeats its seam and pole corners (same position, same normal)
    const s = standIns[2]!;
    const geo = s.bucket!.spec.geometry;
    const baked = bake([s]).geometry;
    const full = geo.index!.count;
    expect(baked.index!.count).toBe(full);
    // the vertices of the full mesh only (the simplified mesh's follow them)
    const fullVerts = Math.max(...Array.from(baked.index!.array)) + 1;
    expect(fullVerts).toBeLessThan(geo.getAttribute('position').count);
    // triangle by triangle, corner by corner: where the unmerged source put it, with its normal
    const nm = new Matrix3().getNormalMatrix(s.written);
    for (let i = 0; i < full; i++) {
      const src = geo.index!.getX(i);
      const dst = baked.index!.getX(i);
      const p = new Vector3().fromBufferAttribute(geo.getAttribute('position'), src).applyMatrix4(s.written);
      expect(new Vector3().fromBufferAttribute(baked.getAttribute('position'), dst).distanceTo(p)).toBeLessThan(1e-6);
      const n = new Vector3().fromBufferAttribute(geo.getAttribute('normal'), src).applyMatrix3(nm).normalize();
      expect(new Vector3().fromBufferAttribute(baked.getAttribute('normal'), dst).distanceTo(n)).toBeLessThan(1e-6);
    }
  });

  it('moving a prop takes it out of its cell at once; only that cell is rebuilt; it rejoins (in its new cell) once it rests', () => {
    const { pool, standIns, groups, frame } = stage(9);
    frame();
    frame(100);
    const before = new Map(cellMeshes(pool).map((m) => [m.name, m.geometry.id]));
    const rebuilds = pool.cells.rebuilds;
    const moved = standIns[4]!; // x = 12.5, cell 1
    const oldCell = moved.cell!;
    // a drag: moves every frame
    groups[4]!.position.x = 13;
    frame(16);
    expect(moved.cell).toBeNull();
    expect(pool.cells.rebuilds).toBe(rebuilds + 1);
    expect(oldCell.members.has(moved)).toBe(false);
    // an instance draws it now
    expect(moved.index).toBeLessThan(moved.bucket!.cameraCount);
    for (const m of cellMeshes(pool)) if (!m.name.startsWith(`cell:${oldCell.key}`)) expect(m.geometry.id).toBe(before.get(m.name));
    groups[4]!.position.x = 30;
    frame(16);
    frame(16);
    // still moving or just stopped: no rebuild per frame
    expect(pool.cells.rebuilds).toBe(rebuilds + 1);
    expect(moved.cell).toBeNull();
    frame(100);
    expect(moved.cell!.key.endsWith('#3,0')).toBe(true);
    expect(moved.index).toBeGreaterThanOrEqual(moved.bucket!.cameraCount);
    expect(pool.cells.rebuilds).toBe(rebuilds + 2);
  });

  it('says when the next render would bake or release members, and not otherwise (a kept frame waits on it)', () => {
    const { pool, groups, scene, frame } = stage(9);
    frame();
    // written just now: not due yet
    expect(pool.cellsPending()).toBe(false);
    clock += 99;
    expect(pool.cellsPending()).toBe(false);
    clock += 1;
    expect(pool.cellsPending()).toBe(true);
    frame();
    expect(pool.cells.baked).toBe(9);
    expect(pool.cellsPending()).toBe(false);
    clock += 10_000;
    expect(pool.cellsPending()).toBe(false);
    // a move (seen once world matrices are brought up to date) must release its member
    groups[4]!.position.x = 13;
    scene.updateMatrixWorld();
    expect(pool.cellsPending()).toBe(true);
    frame(16);
    expect(pool.cellsPending()).toBe(false);
    clock += 100;
    expect(pool.cellsPending()).toBe(true);
    frame();
    expect(pool.cellsPending()).toBe(false);
  });

  it('a selected object draws itself (its cell lets it go) and picking still hits its stand-in, never a cell', () => {
    const { pool, standIns, frame, scene, camera } = stage(6);
    frame();
    frame(100);
    const s = standIns[3]!;
    s.drawOwn = true;
    frame(16);
    expect(s.visible).toBe(true);
    expect(s.cell).toBeNull();
    // a ray through the object's centre hits the stand-in; the baked meshes are not hit
    const ray = new Raycaster();
    const target = new Vector3().setFromMatrixPosition(s.matrixWorld);
    ray.set(camera.position, target.clone().sub(camera.position).normalize());
    const hits = ray.intersectObjects(scene.children, true);
    expect(hits[0]!.object).toBe(s);
    expect(hits.some((h) => h.object.name.startsWith('cell:'))).toBe(false);
    s.drawOwn = false;
    frame(16);
    frame(100);
    expect(s.cell).not.toBeNull();
    expect(pool.cells.baked).toBe(6);
  });

  it('a colour change or a removal rebuilds the cell; an emptied cell is dropped; switching off releases every member', () => {
    const { pool, standIns, frame, quality } = stage(6);
    frame();
    frame(100);
    const s = standIns[0]!;
    const c = s.cell!;
    const id = c.full!.geometry.id;
    s.setColour('#00ff00');
    frame(16);
    expect(c.full!.geometry.id).not.toBe(id);
    const colours = c.full!.geometry.getAttribute('color');
    let green = 0;
    for (let i = 0; i < colours.count; i++) if (colours.getX(i) === 0 && colours.getY(i) === 1) green++;
    expect(green).toBe(24);
    // objects 3, 4, 5 (x = 9.5 … 15.5) fill cell 1: removing them drops it and its meshes
    const cell1 = standIns[3]!.cell!;
    for (const k of [3, 4, 5]) pool.detach(standIns[k]!);
    frame(16);
    expect(pool.cells.cell(cell1.key)).toBeUndefined();
    expect(cellMeshes(pool).some((m) => m.name.startsWith(`cell:${cell1.key}`))).toBe(false);
    quality.batch = false;
    frame(16);
    expect(pool.cells.baked).toBe(0);
    expect(pool.cells.size).toBe(0);
    expect(cellMeshes(pool)).toHaveLength(0);
    expect(instanced(pool)).toBe(3);
  });

  it('the editor camera may draw a far cell simplified; the shadow pass and every other camera get full detail', () => {
    const { pool, standIns, frame, camera, scene } = stage(3);
    frame();
    frame(100);
    const c = standIns[0]!.cell!;
    // near: full detail
    expect(c.simplifiedNow).toBe(0);
    // far away: the ball is a few pixels wide
    pool.lodCamera = camera;
    aim(camera, [3, 5, 400], [3, 0, 0]);
    frame(16);
    expect(c.simplifiedNow).toBe(1);
    expect(c.full!.geometry.drawRange.count).toBe(0);
    expect(c.mixed!.visible).toBe(true);
    // the shadow pass draws the full mesh, then the camera pass draws none of it
    const full = c.full!;
    full.onBeforeShadow(null as never, scene, camera, camera, full.geometry, full.material as never, null as never);
    expect(full.geometry.drawRange.count).toBe(Infinity);
    full.onAfterShadow(null as never, scene, camera, camera, full.geometry, full.material as never, null as never);
    expect(full.geometry.drawRange.count).toBe(0);
    // a picture-making camera (not the editor's): full detail
    pool.lodCamera = null;
    frame(16);
    expect(c.simplifiedNow).toBe(0);
    expect(c.full!.geometry.drawRange.count).toBe(Infinity);
    expect(c.mixed!.visible).toBe(false);
  });

  it('a cell draws each member at its own detail: the near ball full, the far one simplified, as their instances would', () => {
    // balls every 3 m along +x (stage: every third object), cells of 8 m: one long row; the camera looks
    // along the row from its near end, so the balls of one cell lie at different distances
    // level of detail alone here (culling has its own test)
    const { pool, standIns, frame, rest, camera } = stage(30, { cellSize: 32, cull: false });
    rest();
    pool.lodCamera = camera;
    const balls = standIns.filter((s) => s.bucket!.key === 'ball');
    const box = pool.bucket('box')!.spec.geometry.index!.count;
    const full = pool.bucket('ball')!.spec.geometry.index!.count;
    const far = pool.bucket('ball')!.spec.lodGeometry!.index!.count;
    /** per ball, what its instance would draw from where the camera stands (cellMath.memberSimplified's rule) */
    const instanceWouldSimplify = () => {
      const scale = { kind: 'perspective' as const, tanHalfFovY: Math.tan((20 * Math.PI) / 180), heightPx: 720 };
      return balls.map((s) => memberSimplified(s.sphere.radius, camera.position.distanceTo(s.sphere.center), 40, scale));
    };
    let mixedSeen = 0;
    for (const z of [4, 12, 20, 30, 45]) {
      aim(camera, [-2, 1, z], [40, 0, 0]);
      frame(16);
      const want = instanceWouldSimplify();
      for (const c of new Set(standIns.map((s) => s.cell!))) {
        const inCell = balls.filter((b) => b.cell === c);
        const simple = inCell.filter((b) => want[balls.indexOf(b)]).length;
        expect(c.simplifiedNow).toBe(simple);
        const boxes = c.members.size - inCell.length;
        // the camera pass's triangles: every box, each ball at its own detail
        const drawn = simple > 0 ? c.mixed!.geometry.drawRange.count : c.full!.geometry.index!.count;
        expect(drawn).toBe(boxes * box + simple * far + (inCell.length - simple) * full);
        if (simple > 0 && simple < inCell.length) mixedSeen++;
      }
    }
    // some cell did hold a near ball and a far one at once
    expect(mixedSeen).toBeGreaterThan(0);
  });

  it('decides a cell’s detail again only once the eye has moved past the slack (or the lens changed)', () => {
    // cells of 32 m: x = 0.5 … 30.5 in the first (balls at 6.5, 15.5, 24.5), x = 33.5 (a ball) in the second
    const { pool, standIns, frame, rest, camera } = stage(12, { cellSize: 32, cull: false });
    rest();
    expect(pool.cells.size).toBe(2);
    pool.lodCamera = camera;
    aim(camera, [3, 5, 400], [3, 0, 0]);
    frame(16);
    const c = standIns[0]!.cell!;
    expect(c.simplifiedNow).toBe(3);
    const index = c.mixed!.geometry.index!;
    const v = index.version;
    const distance = vi.spyOn(Vector3.prototype, 'distanceTo');
    // a small step: per cell one distance (to where it last decided); no member asked, no index written
    camera.position.x += 0.5;
    camera.updateMatrixWorld();
    frame(16);
    expect(distance.mock.calls.length).toBe(2);
    expect(index.version).toBe(v);
    // a new lens (the canvas grew): every ball asked again, the same answer, the index stays
    distance.mockClear();
    const tall = { getRenderTarget: () => null, getSize: (s: Vector2) => s.set(1280, 800) } as unknown as WebGLRenderer;
    pool.prepare(tall, pool.root.parent!, camera);
    expect(distance.mock.calls.length).toBe(4);
    expect(index.version).toBe(v);
    // the camera comes close: the first cell's balls are drawn full again (the far ball stays simplified)
    camera.position.set(3, 2, 6);
    camera.updateMatrixWorld();
    frame(16);
    expect(c.simplifiedNow).toBe(0);
    expect(c.full!.geometry.drawRange.count).toBe(Infinity);
    expect(standIns[11]!.cell!.simplifiedNow).toBe(1);
  });

  it('a cell on the edge of the editor view leaves out the members outside it; a cell wholly inside draws all', () => {
    // cells of 32 m: x = 0.5 … 30.5 in one cell; the camera sees only its left part
    // culling alone here: no ball is small enough to be simplified
    const { pool, standIns, frame, rest, camera } = stage(11, { cellSize: 32, propLodPx: 1 });
    rest();
    const c = standIns[0]!.cell!;
    expect(pool.cells.size).toBe(1);
    pool.lodCamera = camera;
    aim(camera, [3, 3, 8], [3, 0, 0]);
    frame(16);
    const frustum = new Frustum().setFromProjectionMatrix(new Matrix4().multiplyMatrices(camera.projectionMatrix, camera.matrixWorldInverse));
    const inside = standIns.filter((s) => frustum.intersectsSphere(s.sphere));
    expect(inside.length).toBeGreaterThan(0);
    expect(inside.length).toBeLessThan(standIns.length);
    expect(c.culledNow).toBe(standIns.length - inside.length);
    expect(c.full!.geometry.drawRange.count).toBe(0);
    expect(c.mixed!.visible).toBe(true);
    // exactly the triangles of the members in view (near: full detail)
    const tris = (s: InstanceStandIn) => s.bucket!.spec.geometry.index!.count;
    expect(c.mixed!.geometry.drawRange.count).toBe(inside.reduce((n, s) => n + tris(s), 0));
    expect(pool.last.cellMembersCulled).toBe(standIns.length - inside.length);
    // the shadow pass still draws every member
    const full = c.full!;
    full.onBeforeShadow(null as never, pool.root.parent as never, camera, camera, full.geometry, full.material as never, null as never);
    expect(full.geometry.drawRange.count).toBe(Infinity);
    full.onAfterShadow(null as never, pool.root.parent as never, camera, camera, full.geometry, full.material as never, null as never);
    // stepping back until the whole cell is in view: nothing left out, the full mesh draws
    aim(camera, [15, 20, 60], [15, 0, 0]);
    frame(16);
    expect(c.culledNow).toBe(0);
    expect(c.full!.geometry.drawRange.count).toBe(Infinity);
    expect(c.mixed!.visible).toBe(false);
    // another camera (not the editor's) on the edge: the full mesh (culling inside a cell is the editor's)
    aim(camera, [3, 3, 8], [3, 0, 0]);
    pool.lodCamera = null;
    frame(16);
    expect(c.culledNow).toBe(0);
    expect(c.full!.geometry.drawRange.count).toBe(Infinity);
  });

  it('while the editor view is drawn at a lowered resolution, cells simplify by the pixels drawn', () => {
    // balls every 9 m along +x; from 30 m away some are between 40 and 80 px wide
    const { pool, standIns, frame, rest, camera, quality } = stage(30, { cull: false });
    rest();
    pool.lodCamera = camera;
    aim(camera, [-2, 1, 12], [40, 0, 0]);
    const simplified = () => [...new Set(standIns.map((s) => s.cell!))].reduce((n, c) => n + c.simplifiedNow, 0);
    const at = (pixelRatio: number) => {
      const r = { getRenderTarget: () => null, getSize: (v: Vector2) => v.set(1280, 720), getPixelRatio: () => pixelRatio } as unknown as WebGLRenderer;
      scene.updateMatrixWorld();
      pool.prepare(r, scene, camera);
      return simplified();
    };
    const { scene } = { scene: pool.root.parent! };
    pool.fullPixelRatio = 1;
    quality.lodFollowsResolution = true;
    const full = at(1);
    const lowered = at(0.5);
    expect(lowered).toBeGreaterThan(full);
    // what a 80 px threshold gives at full resolution
    quality.propLodPx = 80;
    expect(at(1)).toBe(lowered);
    quality.propLodPx = 40;
    // switched off: the resolution does not matter
    quality.lodFollowsResolution = false;
    expect(at(0.5)).toBe(full);
  });
});
