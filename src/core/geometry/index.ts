export * from './mesh';
export * from './meshCheck';
export * from './extrude';
export * from './primitives';
export * from './building';
