// Which backend a job runs on. WebGPU first, WASM second — unless the adapter is a software one (SwiftShader
// and friends), where WASM on the CPU is many times faster (measured: a 6-conv net 0.4 s WASM vs 38 s WebGPU).
import type { ModelCard } from './modelCard';
import type { AdapterReport, Backend, BackendRequest } from './types';

/** The bits of the WebGPU API the runtime touches; typed locally so no @webgpu/types dependency is needed. */
export interface GpuAdapterInfoLike {
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
  isFallbackAdapter?: boolean;
}
export interface GpuAdapterLike {
  info?: GpuAdapterInfoLike;
  isFallbackAdapter?: boolean;
  requestAdapterInfo?: () => Promise<GpuAdapterInfoLike>;
}
export interface GpuLike {
  requestAdapter(options?: { powerPreference?: string }): Promise<GpuAdapterLike | null>;
}
export interface GpuDeviceLike {
  lost: Promise<{ reason: string; message: string }>;
  destroy(): void;
}

const NO_ADAPTER: Omit<AdapterReport, 'reason'> = {
  available: false,
  vendor: '',
  architecture: '',
  device: '',
  description: '',
  isFallbackAdapter: false,
};

/** Software rasterisers that expose WebGPU without a GPU behind it. */
const SOFTWARE_ARCH = /swiftshader|llvmpipe|lavapipe|softpipe|warp|basic render/i;

export async function probeAdapter(gpu: GpuLike | null | undefined): Promise<{ report: AdapterReport; adapter: GpuAdapterLike | null }> {
  if (!gpu) return { report: { ...NO_ADAPTER, reason: 'WebGPU is not available here (no navigator.gpu)' }, adapter: null };
  let adapter: GpuAdapterLike | null = null;
  try {
    adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch (e) {
    return { report: { ...NO_ADAPTER, reason: `requestAdapter failed: ${(e as Error).message}` }, adapter: null };
  }
  if (!adapter) return { report: { ...NO_ADAPTER, reason: 'requestAdapter returned no adapter' }, adapter: null };
  const info: GpuAdapterInfoLike = adapter.info ?? (await adapter.requestAdapterInfo?.()) ?? {};
  // Chrome moved isFallbackAdapter from the adapter onto adapter.info; read both
  const flagged = Boolean(info.isFallbackAdapter ?? adapter.isFallbackAdapter);
  const named = SOFTWARE_ARCH.test(`${info.architecture ?? ''} ${info.description ?? ''} ${info.device ?? ''}`);
  return {
    report: {
      available: true,
      vendor: info.vendor ?? '',
      architecture: info.architecture ?? '',
      device: info.device ?? '',
      description: info.description ?? '',
      isFallbackAdapter: flagged || named,
      reason: null,
    },
    adapter,
  };
}

function adapterName(a: AdapterReport): string {
  return [a.vendor, a.architecture, a.device || a.description].filter(Boolean).join(' ') || 'unnamed adapter';
}

export function describeAdapter(a: AdapterReport | null): string | null {
  if (!a || !a.available) return null;
  return `${adapterName(a)}${a.isFallbackAdapter ? ' (software fallback)' : ''}`;
}

export interface BackendChoice {
  backend: Backend;
  /** why the job is not on WebGPU, when it is not; null when it is */
  fallbackReason: string | null;
}

export function chooseBackend(
  adapter: AdapterReport,
  request: BackendRequest,
  card: Pick<ModelCard, 'backends' | 'id'>,
  webgpuLost: string | null,
): BackendChoice {
  if (request === 'wasm') return { backend: 'wasm', fallbackReason: 'WASM requested' };
  const webgpuBlocker =
    webgpuLost !== null
      ? `the WebGPU device was lost earlier (${webgpuLost}); staying on WASM`
      : !adapter.available
        ? (adapter.reason ?? 'no WebGPU adapter')
        : !card.backends.includes('webgpu')
          ? `model "${card.id}" is not declared for WebGPU in its card`
          : null;
  if (request === 'webgpu') {
    if (webgpuBlocker) throw new Error(`WebGPU was requested but cannot be used: ${webgpuBlocker}`);
    return { backend: 'webgpu', fallbackReason: null };
  }
  if (webgpuBlocker) return { backend: 'wasm', fallbackReason: webgpuBlocker };
  if (adapter.isFallbackAdapter) {
    return {
      backend: 'wasm',
      fallbackReason: `the WebGPU adapter is a software fallback (${adapterName(adapter)}); WASM on the CPU is faster`,
    };
  }
  return { backend: 'webgpu', fallbackReason: null };
}
