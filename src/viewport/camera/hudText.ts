// The HUD's lines for a camera, as a camera assistant would write them on a slate. Pure formatting.
import type { Camera } from '../../core/document';
import {
  aspectLabel,
  attitude,
  cameraFieldOfView,
  circleOfConfusionMm,
  depthOfField,
  effectiveSqueeze,
  formatDegrees,
  formatDistance,
  formatFocalLength,
  formatStop,
  heightAboveGround,
  lensSet,
  sensorPreset,
} from '../../core/lens';

export interface HudField {
  key: string;
  label: string;
  value: string;
}

export function bodyLabel(c: Camera): string {
  const preset = sensorPreset(c.body.sensorPresetId);
  if (preset && preset.widthMm === c.body.sensorWidthMm && preset.heightMm === c.body.sensorHeightMm) return preset.name;
  return `Custom ${c.body.sensorWidthMm} × ${c.body.sensorHeightMm} mm`;
}

export function lensLabel(c: Camera): string {
  const sq = effectiveSqueeze(c);
  return `${formatFocalLength(c.lens.focalLengthMm)}${sq > 1 ? ` ${Number(sq.toFixed(2))}× anamorphic` : ''}`;
}

export function hudFields(c: Camera, groundY = 0): HudField[] {
  const fov = cameraFieldOfView(c);
  const dof = depthOfField(c.lens.focalLengthMm, c.lens.tStop, c.lens.focusDistanceM, circleOfConfusionMm(c.body));
  const a = attitude(c.transform.rotation);
  const set = lensSet(c.lens.lensSetId);
  const fmtM = (m: number) => (Number.isFinite(m) ? `${m.toFixed(2)} m` : '∞');
  return [
    { key: 'body', label: 'Body', value: bodyLabel(c) },
    { key: 'lens', label: 'Lens', value: lensLabel(c) + (set ? ` · ${set.name}` : '') },
    { key: 'stop', label: 'Stop', value: formatStop(c.lens.tStop) },
    { key: 'focus', label: 'Focus', value: formatDistance(c.lens.focusDistanceM) },
    { key: 'dof', label: 'DOF', value: `${fmtM(dof.nearM)} – ${fmtM(dof.farM)}` },
    { key: 'aspect', label: 'Aspect', value: aspectLabel(c.deliveryAspect) },
    { key: 'fov', label: 'H/V FOV', value: `${fov.horizontalDeg.toFixed(1)}° × ${fov.verticalDeg.toFixed(1)}°` },
    { key: 'height', label: 'Height', value: formatDistance(heightAboveGround(c.transform.position, groundY)) },
    { key: 'tilt', label: 'Tilt', value: formatDegrees(a.tilt) },
    { key: 'dutch', label: 'Dutch', value: formatDegrees(a.dutch) },
  ];
}
