/**
 * Minimal types for the parts of jStat 1.9 (MIT, no bundled types) that the analytics module
 * uses. Parameters follow jStat's own order: the point first, then the distribution's parameters.
 */
declare module 'jstat' {
  interface JStatStatic {
    normal: {
      cdf(x: number, mean: number, sd: number): number;
      inv(p: number, mean: number, sd: number): number;
    };
    studentt: {
      cdf(x: number, dof: number): number;
      inv(p: number, dof: number): number;
    };
    beta: {
      pdf(x: number, alpha: number, beta: number): number;
      cdf(x: number, alpha: number, beta: number): number;
    };
    centralF: {
      cdf(x: number, df1: number, df2: number): number;
    };
  }

  export const jStat: JStatStatic;
}
