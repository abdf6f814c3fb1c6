import * as vega from 'vega';
import { compile } from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';

/**
 * Renders a Vega-Lite specification to an SVG document in this process: the spec is compiled
 * to Vega, run headless (renderer `none`, no canvas or browser) and serialised by the SVG string
 * renderer. Text widths are estimated without a canvas, so label placement is approximate.
 * Loads no data from outside: every spec carries its values inline.
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const compiled = compile(spec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
