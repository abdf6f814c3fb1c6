import { DOMParser } from '@xmldom/xmldom';
import type { Document, Element } from '@xmldom/xmldom';

/** A parsed SVG document and the queries chart tests ask of it. */
export class SvgReader {
  private readonly document: Document;

  /** Parses `svg` as XML; throws when it is not a well-formed SVG document. */
  constructor(svg: string) {
    const errors: string[] = [];
    this.document = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') {
          errors.push(message);
        }
      },
    }).parseFromString(svg, 'image/svg+xml');
    if (errors.length > 0 || this.document.documentElement?.tagName !== 'svg') {
      throw new Error(`Not a well-formed SVG document: ${errors.join('; ')}`);
    }
  }

  /** Returns the mark group Vega names `<name>_marks`, or undefined when the chart has none. */
  markGroup(name: string): Element | undefined {
    return this.elements('g').find((group) =>
      (group.getAttribute('class') ?? '').split(' ').includes(`${name}_marks`),
    );
  }

  /** Counts the drawn items of a mark: a path per symbol, a line per rule. */
  itemCount(name: string): number {
    const group = this.markGroup(name);
    if (!group) {
      return 0;
    }
    return (
      group.getElementsByTagName('path').length + group.getElementsByTagName('line').length
    );
  }

  /** Returns the `d` attribute of each path of a mark (lines and areas draw one path each). */
  paths(name: string): string[] {
    const group = this.markGroup(name);
    return group
      ? Array.from(group.getElementsByTagName('path')).map((path) => path.getAttribute('d') ?? '')
      : [];
  }

  /** Returns the texts of the axis titles, in document order. */
  axisTitles(): string[] {
    return this.textsIn('role-axis-title');
  }

  /** Returns the texts of the chart title. */
  title(): string[] {
    return this.textsIn('role-title-text');
  }

  /** Returns the texts of the axis labels (tick labels). */
  axisLabels(): string[] {
    return this.textsIn('role-axis-label');
  }

  private textsIn(role: string): string[] {
    return this.elements('g')
      .filter((group) => (group.getAttribute('class') ?? '').split(' ').includes(role))
      .flatMap((group) => Array.from(group.getElementsByTagName('text')))
      .map((text) => text.textContent ?? '');
  }

  private elements(tag: string): Element[] {
    return Array.from(this.document.getElementsByTagName(tag));
  }
}
