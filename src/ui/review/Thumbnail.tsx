// A layer's thumbnail: its output when that is an image, else the plate it alters; otherwise says so.
import { useEffect, useState } from 'react';
import type { Project } from '../../core/document';
import { getAssetBytes } from '../../store/assets';
import type { LayerDisclosure } from '../../core/disclosure';

function pickImage(project: Project, d: LayerDisclosure): { assetId: string; mime: string; what: string } | null {
  const out = d.record?.output.assetId;
  const meta = out ? project.assets[out] : undefined;
  if (out && meta?.mime.startsWith('image/')) return { assetId: out, mime: meta.mime, what: 'output' };
  const plate = d.record?.inputs.find((i) => i.objectType === 'plate' && i.relationship === 'parentOf');
  const pm = plate ? project.assets[plate.contentHash] : undefined;
  if (plate && pm?.mime.startsWith('image/')) return { assetId: plate.contentHash, mime: pm.mime, what: 'source plate' };
  return null;
}

export function Thumbnail({ project, d }: { project: Project; d: LayerDisclosure }) {
  const pick = pickImage(project, d);
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!pick) return;
    let u: string | null = null;
    let live = true;
    void getAssetBytes(pick.assetId).then((bytes) => {
      if (!bytes || !live) return;
      u = URL.createObjectURL(new Blob([bytes.slice()], { type: pick.mime }));
      setUrl(u);
    });
    return () => {
      live = false;
      if (u) URL.revokeObjectURL(u);
      setUrl(null);
    };
  }, [pick?.assetId, pick?.mime]);
  if (pick && url) return <img className="review-thumb" src={url} alt={`${d.facts.name} ${pick.what}`} title={pick.what} />;
  return (
    <div className="review-thumb none" title="no image preview for this output">
      {d.facts.effect}
    </div>
  );
}
