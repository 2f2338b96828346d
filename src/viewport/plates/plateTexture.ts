// Plate pixels as three.js textures, loaded from the content-addressed asset store and cached by hash.
// A still decodes with createImageBitmap; a video shows its first frame; a zip of frames (a de-age bake of a
// video) shows frame 0.
import { useEffect, useState } from 'react';
import * as THREE from 'three';
import { unzipSync } from 'fflate';
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
  // a zip of PNG frames: show the first
  const files = unzipSync(bytes, { filter: (f) => f.name === 'frame_00000.png' });
  const first = files['frame_00000.png'];
  if (!first) throw new Error('bake holds no frame_00000.png');
  return bitmapTexture(first, 'image/png');
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
