/** The part of jstat 1.9 this module uses; the package ships no type declarations. */
declare module 'jstat' {
  export const normal: {
    /** Quantile function of the normal distribution. */
    inv(p: number, mean: number, sd: number): number;
  };
  export const studentt: {
    /** Quantile function of Student's t distribution with `dof` degrees of freedom. */
    inv(p: number, dof: number): number;
  };
}
