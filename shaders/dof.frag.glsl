// Depth-of-field preview: a gather blur whose radius is the thin-lens blur circle of each pixel.
// Blur circle on the sensor (metres) for a point at distance d, focus s, focal length f, aperture A = f/N:
//   c = A · |d − s| · f / (d · (s − f))
// scaled to pixels by the frame's pixels per metre of sensor height. Each tap of a spiral around the
// pixel counts when its own blur circle reaches this pixel (foreground blur spills over sharp
// background); taps behind the pixel are limited to the pixel's own blur so a blurred background never
// spills over a sharp foreground.
uniform sampler2D tColor;
uniform sampler2D tDepth;
uniform vec2 resolution;
uniform float cameraNear;
uniform float cameraFar;
uniform float focusDist;
uniform float focalLength;
uniform float aperture;
uniform float pxPerSensorMetre;
uniform float maxRadius;
uniform float showFocus;
uniform float cocLimitPx;
varying vec2 vUv;

const int TAPS = 40;
const float GOLDEN_ANGLE = 2.39996323;

float viewDistance(vec2 uv) {
  float z = texture2D(tDepth, uv).x;
  // perspective depth buffer value → distance along the lens axis
  return (cameraNear * cameraFar) / ((cameraFar - cameraNear) * z - cameraFar) * -1.0;
}

float blurPx(float d) {
  float c = aperture * abs(d - focusDist) * focalLength / (max(d, focalLength * 1.001) * (focusDist - focalLength));
  return min(c * pxPerSensorMetre * 0.5, maxRadius); // radius, not diameter
}

void main() {
  float centreDepth = viewDistance(vUv);
  float centreSize = blurPx(centreDepth);
  vec4 centre = texture2D(tColor, vUv);
  vec3 sum = centre.rgb;
  float weight = 1.0;
  vec2 texel = 1.0 / resolution;
  for (int i = 1; i < TAPS; i++) {
    float fi = float(i);
    float r = maxRadius * sqrt(fi / float(TAPS));
    float a = fi * GOLDEN_ANGLE;
    vec2 uv = vUv + vec2(cos(a), sin(a)) * r * texel;
    float d = viewDistance(uv);
    float size = blurPx(d);
    if (d > centreDepth) size = min(size, centreSize * 2.0);
    float m = smoothstep(r - 0.5, r + 0.5, size);
    sum += texture2D(tColor, uv).rgb * m;
    weight += m;
  }
  vec3 colour = sum / weight;
  if (showFocus > 0.5 && centreSize * 2.0 <= cocLimitPx && centreDepth < cameraFar * 0.99) {
    colour = mix(colour, vec3(0.2, 1.0, 0.35), 0.28);
  }
  gl_FragColor = vec4(colour, 1.0);
  #include <tonemapping_fragment>
  #include <colorspace_fragment>
}
