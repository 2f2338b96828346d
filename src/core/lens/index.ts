// core/lens: sensors, lenses, FOV, DOF, framing. Pure TypeScript; imports nothing of the app.
export * from './sensors';
export * from './lensSets';
export * from './aspects';
export * from './optics';
export * from './projection';
export * from './framing';
export * from './guides';
export * from './units';
export * from './stepping';
export * from './aim';
