import { registerCameraFeature } from './register';
export { CameraSection } from './CameraSection';

registerCameraFeature();
