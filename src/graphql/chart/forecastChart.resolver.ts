import { Arg, FieldResolver, Int, Resolver, Root } from 'type-graphql';

import { LanguageEnum } from '../copy/copy.enums';
import { ForecastType } from '../forecast/forecast.types';
import { DEFAULT_FORECAST_HISTORY } from './chartSvgs';
import { chartPath } from './chartUrls';

/** The chart link of a stored forecast. */
@Resolver(() => ForecastType)
export class ForecastChartResolver {
  @FieldResolver(() => String, {
    description:
      'Path of an SVG chart of the history and this forecast with its 80% and 95% bands, relative to the API origin; fetch it with the same Authorization header.',
  })
  chartUrl(
    @Root() forecast: ForecastType,
    @Arg('language', () => LanguageEnum, { defaultValue: LanguageEnum.EN }) language: LanguageEnum,
    @Arg('historyPeriods', () => Int, {
      defaultValue: DEFAULT_FORECAST_HISTORY,
      description: 'Training periods drawn before the forecast.',
    })
    historyPeriods: number,
  ): string {
    return chartPath(['forecasts', `${forecast.id}.svg`], { language, historyPeriods });
  }
}
