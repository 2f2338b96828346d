// Debris chips (an InstancedMesh of small shards) and dust (points) of a collapse, posed from the debris player
// at the playhead. Stepping is async (the runtime's worker), so a frame shows the latest state that is ready.
import { useEffect, useMemo, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { BufferAttribute, BufferGeometry, InstancedMesh, Matrix4, MeshStandardMaterial, Points, PointsMaterial, TetrahedronGeometry } from 'three';
import { playhead } from '../../../store/playhead';
import { editorStore } from '../../../store/editorStore';
import { getRuntime } from '../../runtime';
import type { Bake } from '../bake';
import { spawnDebris, STATE } from '../particles';
import { DebrisPlayer } from '../debrisPlayer';
import { registerFramePoser } from '../../../viewport/render/framePosers';

export const debrisStatus = { backend: null as string | null, live: 0, frame: -1 };

export function DebrisParticles({ layerId, bake, visible, gravity }: { layerId: string; bake: Bake; visible: boolean; gravity: number }) {
  const player = useMemo(() => new DebrisPlayer(spawnDebris(bake.breaks, bake.particleBudget, bake.seed), bake.fps, gravity, getRuntime()), [bake, gravity]);
  const sp = player.spawns;
  const { chips, dust, chipIndex, dustIndex } = useMemo(() => {
    const chipIndex: number[] = [], dustIndex: number[] = [];
    for (let i = 0; i < sp.count; i++) (sp.dust[i] ? dustIndex : chipIndex).push(i);
    const chips = new InstancedMesh(new TetrahedronGeometry(0.07), new MeshStandardMaterial({ color: '#7c766d', roughness: 1 }), Math.max(1, chipIndex.length));
    chips.frustumCulled = false;
    chips.count = 0;
    const g = new BufferGeometry();
    g.setAttribute('position', new BufferAttribute(new Float32Array(Math.max(1, dustIndex.length) * 3), 3));
    g.setDrawRange(0, 0);
    const dust = new Points(g, new PointsMaterial({ color: '#b9b1a4', size: 0.12, transparent: true, opacity: 0.55, depthWrite: false }));
    dust.frustumCulled = false;
    return { chips, dust, chipIndex: Int32Array.from(chipIndex), dustIndex: Int32Array.from(dustIndex) };
  }, [sp]);
  useEffect(
    () => () => {
      chips.geometry.dispose();
      (chips.material as MeshStandardMaterial).dispose();
      dust.geometry.dispose();
      (dust.material as PointsMaterial).dispose();
    },
    [chips, dust],
  );

  const busy = useRef<{ stale: boolean } | null>(null);
  const shown = useRef(-1);
  const warned = useRef(false);
  const m4 = useMemo(() => new Matrix4(), []);
  const show = (local: number, state: Float32Array) => {
    shown.current = local;
    const live = player.liveAt(local);
    let c = 0;
    for (const i of chipIndex) {
      if (i >= live) break;
      const o = STATE * i;
      m4.makeRotationY(i * 2.399);
      m4.setPosition(state[o]!, state[o + 1]!, state[o + 2]!);
      chips.setMatrixAt(c++, m4);
    }
    chips.count = c;
    chips.instanceMatrix.needsUpdate = true;
    const pos = dust.geometry.getAttribute('position') as BufferAttribute;
    let d = 0;
    for (const i of dustIndex) {
      if (i >= live) break;
      const o = STATE * i;
      pos.setXYZ(d++, state[o]!, state[o + 1]!, state[o + 2]!);
    }
    pos.needsUpdate = true;
    dust.geometry.setDrawRange(0, d);
    Object.assign(debrisStatus, { backend: player.backend, live, frame: local });
    if (player.fallback && !warned.current) {
      warned.current = true;
      editorStore.getState().notify('warning', player.fallback);
    }
  };
  const localOf = (frame: number) => Math.min(Math.floor(frame) - bake.triggerFrame, bake.frameCount - 1);
  useFrame(() => {
    const local = localOf(playhead.frame);
    const on = visible && local >= 0 && sp.count > 0;
    chips.visible = on;
    dust.visible = on;
    if (!on || local === shown.current || busy.current) return;
    const token = { stale: false };
    busy.current = token;
    player.stateAt(local, token).then((state) => {
      busy.current = null;
      if (!token.stale) show(local, state);
    });
  });
  // a render waits for the exact state of its frame: the viewport may show the latest ready one, a frame may not
  const poser = useRef({ show, localOf, visible });
  poser.current = { show, localOf, visible };
  useEffect(
    () =>
      registerFramePoser(layerId, async (frame, hidden) => {
        const { show, localOf, visible } = poser.current;
        const local = localOf(frame);
        const on = visible && !hidden && local >= 0 && sp.count > 0;
        chips.visible = on;
        dust.visible = on;
        if (!on || local === shown.current) return;
        // an in-flight viewport step would overwrite this frame's state when it lands
        if (busy.current) busy.current.stale = true;
        busy.current = null;
        show(local, await player.stateAt(local));
      }),
    [layerId, player, chips, dust, sp],
  );
  useEffect(() => () => void (busy.current && (busy.current.stale = true)), []);

  return (
    <>
      <primitive object={chips} />
      <primitive object={dust} />
    </>
  );
}
