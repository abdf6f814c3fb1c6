/** Path prefix of the chart routes; the server mounts them under the API's authentication. */
export const CHARTS_PATH = '/charts';

type Query = Record<string, string | number | boolean | null | undefined>;

/**
 * Builds a chart path relative to the server's origin, e.g.
 * `/charts/forecasts/12.svg?language=zh`. Query values that are null or undefined are left out.
 * NOTE: the charts need the same `Authorization` header as the API, so with AUTH_MODE=required
 * a browser `<img src>` cannot load them; clients fetch the SVG and embed it.
 */
export function chartPath(segments: ReadonlyArray<string | number>, query: Query): string {
  const path = segments.map((segment) => encodeURIComponent(String(segment))).join('/');
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== null && value !== undefined) {
      search.set(name, String(value));
    }
  }
  const text = search.toString();
  return `${CHARTS_PATH}/${path}${text ? `?${text}` : ''}`;
}
