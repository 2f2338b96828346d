import { registerShotDesigner } from './register';
export { ShotDesignerSection } from './ShotDesignerSection';

registerShotDesigner();
