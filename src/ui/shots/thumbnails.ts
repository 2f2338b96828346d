// Storyboard thumbnails: one small still per shot through its camera, re-rendered (debounced) when the
// document changes and never while playing. A shot whose camera or actors move shows its start and end
// frames side by side with the move arrows over the start, as the PDF prints it. Object URLs are revoked
// when replaced.
import { useEffect, useState } from 'react';
import { projectStore, useProject } from '../../store/projectStore';
import { renderShotFrame } from '../../export/animatic/renderShotStill';
import { FrameRenderer } from '../../viewport/render/frameRenderer';
import { transport } from '../timeline/transport';
import { shotMoves } from '../../core/export/storyboardMoves';
import { composeMovePanel } from './movesOverlay';

const THUMB_W = 256;
const DEBOUNCE_MS = 500;

export function useShotThumbnails(): Record<string, string> {
  const project = useProject((s) => s.project);
  const sceneId = useProject((s) => s.activeSceneId);
  const [urls, setUrls] = useState<Record<string, string>>({});
  useEffect(() => {
    let cancelled = false;
    let committed = false;
    const made: string[] = [];
    const timer = setTimeout(async () => {
      if (transport.getState().playing) return;
      const scene = project.scenes[sceneId];
      if (!scene) return;
      const next: Record<string, string> = {};
      try {
        for (const id of scene.shotOrder) {
          if (!scene.shots[id]) continue;
          if (cancelled || projectStore.getState().project !== project) return;
          const moves = shotMoves(project, sceneId, scene.shots[id]!);
          let picture: OffscreenCanvas;
          if (moves.frames.length > 1) {
            const frames = [];
            for (const f of moves.frames) {
              const r = await renderShotFrame(project, id, f, { sceneId, width: THUMB_W });
              // the pooled renderer reuses its canvas: keep each frame's pixels
              const copy = new OffscreenCanvas(r.canvas.width, r.canvas.height);
              copy.getContext('2d')!.drawImage(r.canvas, 0, 0);
              frames.push({ canvas: copy, frame: f });
            }
            picture = composeMovePanel(frames, moves.arrows);
          } else picture = (await renderShotFrame(project, id, undefined, { sceneId, width: THUMB_W })).canvas;
          FrameRenderer.restoreViewport();
          const blob = await picture.convertToBlob({ type: 'image/jpeg', quality: 0.8 });
          const url = URL.createObjectURL(blob);
          made.push(url);
          next[id] = url;
        }
      } catch {
        // a shot with a missing camera shows no thumbnail; the shot list names the problem
      } finally {
        FrameRenderer.restoreViewport();
      }
      if (!cancelled) {
        committed = true;
        setUrls(next);
      } else made.forEach((u) => URL.revokeObjectURL(u));
    }, DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
      if (!committed) made.forEach((u) => URL.revokeObjectURL(u));
    };
  }, [project, sceneId]);
  useEffect(() => () => Object.values(urls).forEach((u) => URL.revokeObjectURL(u)), [urls]);
  return urls;
}
