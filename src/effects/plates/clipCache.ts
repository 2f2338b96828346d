// Open video plates, shared by the viewport, the review panel and renders, keyed by asset hash. Opening a
// clip reads its packet index once; keeping a few open makes scrubbing and re-review decode-only.
import { getAssetBytes } from '../../store/assets';
import type { VideoClip } from './clip';

const OPEN_CLIPS = 4;
const open = new Map<string, Promise<VideoClip>>();

export function clipOf(hash: string, name = 'plate'): Promise<VideoClip> {
  let p = open.get(hash);
  if (p) {
    open.delete(hash);
    open.set(hash, p);
    return p;
  }
  p = (async () => {
    const bytes = await getAssetBytes(hash);
    if (!bytes) throw new Error(`asset ${hash.slice(0, 12)}… is not in this browser's store; re-import the plate`);
    // mediabunny (the video demuxer/decoder) loads with the first video plate, not with the page
    const { VideoClip } = await import('./clip');
    return VideoClip.open(name, bytes);
  })();
  p.catch(() => open.delete(hash));
  open.set(hash, p);
  while (open.size > OPEN_CLIPS) {
    const [oldest, old] = open.entries().next().value as [string, Promise<VideoClip>];
    open.delete(oldest);
    void old.then((c) => c.dispose(), () => undefined);
  }
  return p;
}
