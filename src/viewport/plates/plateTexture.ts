// Still plate pixels as three.js textures, loaded from the content-addressed asset store and cached by
// hash: a still plate, or a de-age output PNG over one. Video plates play through plateScreen.ts; a video
// asset asked for here (a thumbnail of one) shows its first frame.
import { useEffect, useState } from 'react';
import * as THREE from 'three';
import { getAssetBytes } from '../../store/assets';
import { firstFrame } from '../../effects/plates/decode';
import { sniffPlate } from '../../effects/plates/sniff';

const cache = new Map<string, Promise<THREE.Texture>>();

async function bitmapTexture(bytes: Uint8Array, mime: string): Promise<THREE.Texture> {
  const bmp = await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime }), { imageOrientation: 'flipY' });
  const tex = new THREE.Texture(bmp as unknown as HTMLImageElement);
  tex.flipY = false; // already flipped by createImageBitmap (ImageBitmap ignores flipY in WebGL)
  tex.colorSpace = THREE.SRGBColorSpace;
  tex.needsUpdate = true;
  return tex;
}

async function load(hash: string): Promise<THREE.Texture> {
  const bytes = await getAssetBytes(hash);
  if (!bytes) throw new Error(`asset ${hash.slice(0, 12)}… is not in this browser's store`);
  const sniffed = sniffPlate(bytes);
  if (sniffed?.mediaKind === 'image') return bitmapTexture(bytes, sniffed.mime);
  if (sniffed?.mediaKind === 'video') {
    const { raster } = await firstFrame('plate', bytes, sniffed);
    const tex = new THREE.DataTexture(raster.data, raster.width, raster.height, THREE.RGBAFormat);
    tex.flipY = true;
    tex.colorSpace = THREE.SRGBColorSpace;
    tex.needsUpdate = true;
    return tex;
  }
  throw new Error(`asset ${hash.slice(0, 12)}… is not a still or a video`);
}

export function plateTexture(hash: string): Promise<THREE.Texture> {
  let p = cache.get(hash);
  if (!p) {
    p = load(hash);
    p.catch(() => cache.delete(hash));
    cache.set(hash, p);
  }
  return p;
}

export function usePlateTexture(hash: string | null): THREE.Texture | null {
  const [tex, setTex] = useState<THREE.Texture | null>(null);
  useEffect(() => {
    let live = true;
    setTex(null);
    if (hash) plateTexture(hash).then((t) => live && setTex(t), () => live && setTex(null));
    return () => {
      live = false;
    };
  }, [hash]);
  return tex;
}
