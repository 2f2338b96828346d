// The rows the timeline shows: one per keyed property (grouped under its object) and one bar per effect layer.
// Effect layers (collapse bakes, de-aged plates) live on the same timeline as keys so editors see both at once.
import type { Scene } from '../document/schema';

export type TimelineRow =
  | { kind: 'property'; trackId: string; objectId: string; objectName: string; property: string; keyFrames: number[] }
  | { kind: 'effectLayer'; objectId: string; objectName: string; effect: string; start: number | null; end: number | null; status: string };

export function timelineRows(scene: Scene): TimelineRow[] {
  const rows: TimelineRow[] = [];
  const tracks = Object.values(scene.tracks).sort((a, b) => {
    const na = scene.objects[a.targetId]?.name ?? '';
    const nb = scene.objects[b.targetId]?.name ?? '';
    return na.localeCompare(nb) || a.targetId.localeCompare(b.targetId) || a.property.localeCompare(b.property);
  });
  for (const t of tracks) {
    const o = scene.objects[t.targetId];
    if (!o) continue;
    rows.push({
      kind: 'property',
      trackId: t.id,
      objectId: o.id,
      objectName: o.name,
      property: t.property,
      keyFrames: t.keys.map((k) => k.frame).sort((a, b) => a - b),
    });
  }
  const layers = Object.values(scene.objects).filter((o) => o.type === 'effectLayer');
  layers.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  for (const l of layers) {
    if (l.type !== 'effectLayer') continue;
    rows.push({
      kind: 'effectLayer',
      objectId: l.id,
      objectName: l.name,
      effect: l.effect,
      start: l.frameRange?.start ?? null,
      end: l.frameRange?.end ?? null,
      status: l.status,
    });
  }
  return rows;
}
