// Messages between the animatic orchestrator (main thread, renders frames) and the encoder worker.
export type ContainerCodec = { container: 'mp4'; codec: 'avc' } | { container: 'webm'; codec: 'vp9' };

export type ToEncoder =
  | {
      type: 'start';
      width: number;
      height: number;
      /** exact frame rate num/den (24000/1001 for 23.976) */
      fpsNum: number;
      fpsDen: number;
      /** 'auto' = H.264 in MP4, or VP9 in WebM where H.264 cannot be encoded */
      prefer: 'auto' | 'avc' | 'vp9';
      bitrate: number;
      keyFrameIntervalS: number;
    }
  | { type: 'frame'; index: number; frame: VideoFrame }
  | { type: 'finish' }
  | { type: 'cancel' };

export type FromEncoder =
  | { type: 'started'; container: 'mp4' | 'webm'; codec: 'avc' | 'vp9'; codecString: string | null }
  | { type: 'encoded'; index: number }
  | { type: 'done'; bytes: ArrayBuffer; mime: string; frames: number }
  | { type: 'cancelled' }
  | { type: 'error'; message: string };
