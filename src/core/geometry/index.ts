export * from './mesh';
export * from './meshCheck';
export * from './extrude';
export * from './primitives';
export * from './building';
export { sunAt, sunTint, DEFAULT_LATITUDE_DEG, type SunState } from './sun';
export * from './glb';
export * from './units';
