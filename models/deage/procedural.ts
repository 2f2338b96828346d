// The procedural de-age graph, authored here (no learned weights). It works in the face-aligned space:
//   masks → feathered region weights;
//   wrinkle band (fine blur − medium blur) attenuated by the region weights, pores kept;
//   tone band (medium blur − wide blur) evened on skin — blotches and uneven colour;
//   under-eye and nasolabial lift: the shadow below the local tone (wide − medium, positive part) filled in;
//   a GridSample warp along a displacement grid (jaw/jowl tightening; identity when off);
//   delta = (result − input) · feathered face mask, so nothing changes where the face mask is zero.
import { GraphBuilder } from '../lib/onnx-graph';
import { LIMITS, REGION_COUNT, SCALES } from '../../src/effects/deage/constants';
import { channels, dilatedBlur, gaussianBlur, weightedSum } from './blocks';

export const PROCEDURAL_ID = 'deage-procedural';
export const PROCEDURAL_VERSION = '1.0.0';

export function buildProceduralGraph(): GraphBuilder {
  const g = new GraphBuilder(PROCEDURAL_ID);
  const image = g.input('image', 'float32', [1, 3, 'height', 'width']);
  const masks = g.input('masks', 'float32', [1, REGION_COUNT, 'height', 'width']);
  const wrinkleGain = g.input('wrinkle_gain', 'float32', [1, REGION_COUNT, 1, 1]);
  const liftGain = g.input('lift_gain', 'float32', [1, REGION_COUNT, 1, 1]);
  const toneGain = g.input('tone_gain', 'float32', [1, 1, 1, 1]);
  const grid = g.input('grid', 'float32', [1, 'height', 'width', 2]);

  const feathered = gaussianBlur(g, masks, REGION_COUNT, SCALES.maskSigma);
  const face = channels(g, feathered, 0, 1);
  const skin = channels(g, feathered, 1, 2);

  const fine = gaussianBlur(g, image, 3, SCALES.fineSigma);
  const medium = gaussianBlur(g, image, 3, SCALES.wrinkleSigma);
  // the wide tone reference: the medium blur blurred again with dilated taps (σ ≈ √(5² + (4·5)²) ≈ 20.6)
  const wide = dilatedBlur(g, medium, 3, SCALES.toneDilation, SCALES.toneSigma);

  const wrinkleBand = g.one('Sub', [fine, medium]);
  const toneBand = g.one('Sub', [medium, wide]);
  const shadow = g.one('Relu', [g.one('Sub', [wide, medium])]);

  const wrinkleAmount = weightedSum(g, feathered, wrinkleGain, LIMITS.wrinkle);
  const liftAmount = weightedSum(g, feathered, liftGain, LIMITS.lift);
  const toneAmount = g.one('Clip', [g.one('Mul', [skin, toneGain]), g.scalar('lo', 0), g.scalar('hi', LIMITS.tone)]);

  let y = g.one('Sub', [image, g.one('Mul', [wrinkleAmount, wrinkleBand])]);
  y = g.one('Sub', [y, g.one('Mul', [toneAmount, toneBand])]);
  y = g.one('Add', [y, g.one('Mul', [liftAmount, shadow])]);
  const warped = g.one('GridSample', [y, grid], { mode: 'bilinear', padding_mode: 'border', align_corners: 0 });
  const delta = g.one('Mul', [g.one('Sub', [warped, image]), face]);

  g.output(delta, 'float32', [1, 3, 'height', 'width'], 'delta');
  g.output(face, 'float32', [1, 1, 'height', 'width'], 'alpha');
  return g;
}

/** Small graphs of single blocks, for unit tests against the plain TypeScript reference. */
export function buildBlurGraph(channelsIn: number, sigma: number): GraphBuilder {
  const g = new GraphBuilder('test-blur');
  const x = g.input('x', 'float32', [1, channelsIn, 'h', 'w']);
  g.output(gaussianBlur(g, x, channelsIn, sigma), 'float32', [1, channelsIn, 'h', 'w'], 'y');
  return g;
}

export function buildDilatedBlurGraph(channelsIn: number, dilation: number, sigma: number): GraphBuilder {
  const g = new GraphBuilder('test-dilated-blur');
  const x = g.input('x', 'float32', [1, channelsIn, 'h', 'w']);
  g.output(dilatedBlur(g, x, channelsIn, dilation, sigma), 'float32', [1, channelsIn, 'h', 'w'], 'y');
  return g;
}

export function buildGridSampleGraph(): GraphBuilder {
  const g = new GraphBuilder('test-grid-sample');
  const x = g.input('x', 'float32', [1, 3, 'h', 'w']);
  const grid = g.input('grid', 'float32', [1, 'h', 'w', 2]);
  const y = g.one('GridSample', [x, grid], { mode: 'bilinear', padding_mode: 'border', align_corners: 0 });
  g.output(y, 'float32', [1, 3, 'h', 'w'], 'y');
  return g;
}
