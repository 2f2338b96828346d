export * from './math';
export * from './skeleton';
export * from './pose';
export * from './fk';
export * from './aim';
export * from './lookAt';
export * from './presets';
