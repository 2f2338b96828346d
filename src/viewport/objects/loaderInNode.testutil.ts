// Lets three's GLTFLoader run in Node for unit tests. It runs in Node, which lacks two browser globals it touches on the way: `self` (for blob URLs of
// embedded images) and ProgressEvent (for data-URI buffers). Images themselves cannot decode without a DOM; the
// loader drops such a texture with a console message and keeps the mesh, which is what is checked here. The browser
// path (real decoding) is covered by the import e2e test.
const g = globalThis as Record<string, unknown>;
g.self ??= globalThis;
g.ProgressEvent ??= class ProgressEvent extends Event {
  lengthComputable: boolean;
  loaded: number;
  total: number;
  constructor(type: string, init: { lengthComputable?: boolean; loaded?: number; total?: number } = {}) {
    super(type);
    this.lengthComputable = init.lengthComputable ?? false;
    this.loaded = init.loaded ?? 0;
    this.total = init.total ?? 0;
  }
};

export {};
