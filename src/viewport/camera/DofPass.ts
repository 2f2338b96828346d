// The depth-of-field preview pass: scene → half-float colour + depth target → shaders/dof.frag.glsl.
// Driven entirely by the lens math (focal length, T-stop, focus distance, image area of the sensor).
import {
  BufferGeometry,
  DepthTexture,
  Float32BufferAttribute,
  HalfFloatType,
  Mesh,
  OrthographicCamera,
  Scene,
  ShaderMaterial,
  UnsignedIntType,
  Vector2,
  WebGLRenderTarget,
  type PerspectiveCamera,
  type WebGLRenderer,
  type Object3D,
} from 'three';
import vert from '../../../shaders/fullscreen.vert.glsl?raw';
import frag from '../../../shaders/dof.frag.glsl?raw';

export interface DofParams {
  focalLengthMm: number;
  stop: number;
  focusDistanceM: number;
  /** height of the image area on the sensor, mm */
  imageHeightMm: number;
  /** height of the delivery frame on screen, px */
  frameHeightPx: number;
  /** tint what lies inside the depth of field */
  showFocus: boolean;
  /** circle of confusion in px (focus-zone tint threshold) */
  cocPx: number;
}

export class DofPass {
  private target: WebGLRenderTarget;
  private material: ShaderMaterial;
  private quad: Mesh;
  private quadScene = new Scene();
  private quadCamera = new OrthographicCamera(-1, 1, 1, -1, 0, 1);

  constructor() {
    this.target = new WebGLRenderTarget(1, 1, { type: HalfFloatType, depthBuffer: true });
    this.target.depthTexture = new DepthTexture(1, 1, UnsignedIntType);
    this.material = new ShaderMaterial({
      vertexShader: vert,
      fragmentShader: frag,
      depthTest: false,
      depthWrite: false,
      uniforms: {
        tColor: { value: this.target.texture },
        tDepth: { value: this.target.depthTexture },
        resolution: { value: new Vector2(1, 1) },
        cameraNear: { value: 0.1 },
        cameraFar: { value: 1000 },
        focusDist: { value: 4 },
        focalLength: { value: 0.05 },
        aperture: { value: 0.05 / 2.8 },
        pxPerSensorMetre: { value: 1 },
        maxRadius: { value: 14 },
        showFocus: { value: 0 },
        cocLimitPx: { value: 1 },
      },
    });
    const g = new BufferGeometry();
    g.setAttribute('position', new Float32BufferAttribute([-1, -1, 0, 3, -1, 0, -1, 3, 0], 3));
    this.quad = new Mesh(g, this.material);
    this.quad.frustumCulled = false;
    this.quadScene.add(this.quad);
  }

  render(gl: WebGLRenderer, scene: Object3D, camera: PerspectiveCamera, p: DofParams): void {
    const size = gl.getDrawingBufferSize(new Vector2());
    if (this.target.width !== size.x || this.target.height !== size.y) this.target.setSize(size.x, size.y);
    const u = this.material.uniforms as Record<string, { value: unknown }>;
    const f = p.focalLengthMm / 1000;
    (u.resolution!.value as Vector2).copy(size);
    u.cameraNear!.value = camera.near;
    u.cameraFar!.value = camera.far;
    // focus can never be inside the focal length; keep the formula finite
    u.focusDist!.value = Math.max(p.focusDistanceM, f * 1.01);
    u.focalLength!.value = f;
    u.aperture!.value = f / p.stop;
    u.pxPerSensorMetre!.value = (p.frameHeightPx * (size.y / Math.max(1, gl.domElement.clientHeight || size.y))) / (p.imageHeightMm / 1000);
    u.showFocus!.value = p.showFocus ? 1 : 0;
    u.cocLimitPx!.value = Math.max(1, p.cocPx);
    const prev = gl.getRenderTarget();
    gl.setRenderTarget(this.target);
    gl.clear();
    gl.render(scene, camera);
    gl.setRenderTarget(prev);
    gl.render(this.quadScene, this.quadCamera);
  }

  dispose(): void {
    this.target.depthTexture?.dispose();
    this.target.dispose();
    this.material.dispose();
    this.quad.geometry.dispose();
  }
}
