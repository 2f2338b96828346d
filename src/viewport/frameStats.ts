// Frame time, measured in the render loop and read by the status bar at a low rate.
export const frameStats = {
  renderer: 'starting' as string,
  /** exponential moving average of the frame interval, ms */
  frameMs: 0,
  frames: 0,
  record(deltaMs: number) {
    this.frames++;
    this.frameMs = this.frames === 1 ? deltaMs : this.frameMs * 0.9 + deltaMs * 0.1;
  },
};
