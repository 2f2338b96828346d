// Messages between the animatic orchestrator (main thread, renders frames) and the encoder worker.
import type { SlateInfo } from '../../viewport/render/slate';
import type { BurnLabel } from '../../viewport/labels/burnInDraw';

export type ContainerCodec = { container: 'mp4'; codec: 'avc' } | { container: 'webm'; codec: 'vp9' };

/** What the worker burns into a frame it composes itself (pixels and repeats). */
export interface BurnIns {
  slate?: SlateInfo;
  labels?: BurnLabel[];
}

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
      /** file metadata (title, comment), e.g. to mark a draft */
      tags?: { title?: string; comment?: string };
      /** testing: copy these frames (indices) as handed to the encoder, as RGBA, back to the main thread */
      captureIndices?: number[];
    }
  /** a finished frame (the serial pipeline: rendered, composed and captured on the main thread) */
  | { type: 'frame'; index: number; frame: VideoFrame }
  /**
   * a picture read back from the GL (RGBA rows, bottom row first when flipY): the worker keeps it as the
   * current picture, burns in `burn` and encodes it; the buffer is posted back for reuse
   */
  | { type: 'pixels'; index: number; pixels: ArrayBuffer; flipY: boolean; burn: BurnIns | null }
  /** the current picture again (nothing in the scene changed), with this frame's burn-ins */
  | { type: 'repeat'; index: number; burn: BurnIns | null }
  | { type: 'finish' }
  | { type: 'cancel' };

export interface EncoderStats {
  /** encoder busy time (from a frame's hand-over, or the previous packet, to its packet) */
  encodeMs: number;
  /** worker time flipping read-back rows and burning in (pixels and repeats) */
  composeMs: number;
}

export type FromEncoder =
  | { type: 'started'; container: 'mp4' | 'webm'; codec: 'avc' | 'vp9'; codecString: string | null }
  | { type: 'encoded'; index: number }
  /** a pixels buffer handed back once copied */
  | { type: 'buffer'; buffer: ArrayBuffer }
  /** a frame as handed to the encoder (RGBA, top row first), when the start message asked for it */
  | { type: 'captured'; index: number; rgba: ArrayBuffer }
  | { type: 'done'; bytes: ArrayBuffer; mime: string; frames: number; stats: EncoderStats }
  | { type: 'cancelled' }
  | { type: 'error'; message: string };
