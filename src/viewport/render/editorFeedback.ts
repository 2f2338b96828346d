// Editor feedback that lives on the picture layer and must stay out of every rendered frame (thumbnails,
// storyboard panels, animatics): the move/rotate gizmo and the selection tint of selected objects. The
// object renderers draw a selection as an amber emissive tint, an amber wireframe box (assets) or an amber
// frame line (plates); the gizmo is a TransformControls object in the scene. Hidden or neutralised for one render
// and put back right after, so the viewport, the selection and React never notice.
import type { Color, Material, Object3D, Scene } from 'three';

/** The object renderers' selection colours (src/viewport/objects, plates, camera gizmo). */
export const SELECTION_EMISSIVE = 0x7a4a00;
export const SELECTION_COLOUR = 0xffb020;
/** what a plate frame line shows when not selected */
const RESTING_LINE = 0x202020;

type Tinted = Material & { emissive?: Color; color?: Color; wireframe?: boolean };

function materialsOf(o: Object3D): Tinted[] {
  const m = (o as Object3D & { material?: Tinted | Tinted[] }).material;
  return !m ? [] : Array.isArray(m) ? m : [m];
}

/**
 * Neutralises editor feedback in `scene` for the objects in `selected` (id → live object); returns the
 * function that restores every change. Safe to call with nothing selected (then only the gizmo is hidden).
 */
export function suppressEditorFeedback(scene: Scene, selected: Iterable<Object3D>): () => void {
  const undo: (() => void)[] = [];
  const hide = (o: Object3D) => {
    if (!o.visible) return;
    o.visible = false;
    undo.push(() => (o.visible = true));
  };
  // the gizmo, wherever it is mounted: drei's TransformControls (three-stdlib) is itself an Object3D in the
  // scene; three's own hangs a root object there
  scene.traverse((o) => {
    const f = o as Object3D & { isTransformControls?: boolean; isTransformControlsRoot?: boolean; isTransformControlsGizmo?: boolean; isTransformControlsPlane?: boolean };
    if (f.isTransformControls || f.isTransformControlsRoot || f.isTransformControlsGizmo || f.isTransformControlsPlane) hide(o);
  });
  const seen = new Set<Material>();
  for (const root of selected) {
    root.traverse((o) => {
      for (const m of materialsOf(o)) {
        if (seen.has(m)) continue;
        seen.add(m);
        if (m.emissive && m.emissive.getHex() === SELECTION_EMISSIVE) {
          const e = m.emissive;
          const was = e.clone();
          e.setHex(0x000000);
          undo.push(() => e.copy(was));
        }
        if (m.color && m.color.getHex() === SELECTION_COLOUR) {
          const isLine = (o as Object3D & { isLine?: boolean }).isLine === true;
          if (isLine) {
            const c = m.color;
            const was = c.clone();
            c.setHex(RESTING_LINE);
            undo.push(() => c.copy(was));
          } else if (m.wireframe) hide(o);
        }
      }
    });
  }
  return () => {
    for (let i = undo.length - 1; i >= 0; i--) undo[i]!();
  };
}
