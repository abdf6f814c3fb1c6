/**
 * Public surface of the analytics module: marketing statistics over plain arrays and records.
 * Nothing here imports GraphQL, TypeORM, HTTP or logging. Results carry `warnings` where a
 * setting was overridden or a fallback taken, and user input problems throw `BAD_USER_INPUT`.
 * See README.md beside this file for the methods and their references.
 */
export * from './money';
export type { Interval } from './stats';
export { wilsonInterval } from './wilson';
export * from './stl';
export * from './trend';
export * from './summarizeTrend';
export * from './elasticity';
export * from './recommendPrice';
export * from './campaigns';
export * from './campaignLift';
export * from './timing';
export * from './abTest';
export * from './sampleSize';
export * from './sentiment/classifySentiment';
export * from './sentiment/aggregateSentiment';
export type { SentimentLanguage } from './sentiment/lexicon';
