// A project whose camera A dolly track holds `keys` keys, a quarter frame apart.
import { buildDemoProject } from '../document/demo';

export function bigTrackProject(keys: number, shuffled = false) {
  const p = buildDemoProject();
  const s = p.scenes.scene_street!;
  const frames = Array.from({ length: keys }, (_, i) => i * 0.25);
  if (shuffled) frames.reverse();
  const track = { id: 'trk_big', targetId: 'cam_a', property: 'transform.position', keys: frames.map((frame) => ({ frame, value: [Math.sin(frame), 1.6, Math.cos(frame)], interp: 'linear' as const })) };
  return { ...p, settings: { ...p.settings, frameOut: keys / 4 }, scenes: { scene_street: { ...s, tracks: { ...s.tracks, trk_big: track } } } };
}
