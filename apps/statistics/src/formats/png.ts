import { Resvg } from '@resvg/resvg-js';

/**
 * SVG to PNG with resvg (Rust, shipped as a prebuilt N-API binary in an npm
 * package: no install script, no system libraries). Text uses the system's fonts
 * (DejaVu Sans where installed), twice the SVG's size for sharp print.
 */
export function svgToPng(svg: string): Buffer {
  const resvg = new Resvg(svg, { fitTo: { mode: 'zoom', value: 2 }, font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' }, background: '#ffffff' });
  return resvg.render().asPng();
}
