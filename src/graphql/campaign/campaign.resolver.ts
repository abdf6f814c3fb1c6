import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  Float,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';

import { compareChannels, compareTiming } from '../../analytics';
import type { ChannelMetric } from '../../analytics';
import { Campaign } from '../../db/entities';
import { findCampaigns, listCampaigns } from '../../db/queries/campaigns';
import type { CampaignFilter } from '../../db/queries/campaigns';
import { badInput } from '../../shared/errors';
import { checkPageSize, decodeCursor, encodeCursor } from '../common/connection';
import { GranularityEnum, toGranularity } from '../common/granularity';
import { parseId } from '../common/ids';
import { DateScalar } from '../common/scalars';
import type { Context } from '../context';
import { LanguageEnum } from '../copy/copy.enums';
import { ForecastModelInput, ForecastModelKind } from '../forecast/forecast.input';
import { toModelSpec } from '../forecast/modelSpec';
import { chartPath } from '../chart/chartUrls';
import { TimingComparisonType, TimingGroupingEnum, toTimingType } from '../analysis/timing.types';
import { ProductType, toProductType } from '../product/product.types';
import {
  CampaignConnection,
  CampaignFileFormatEnum,
  CampaignImportResultType,
  CampaignKpisType,
  CampaignLiftType,
  CampaignType,
  ChannelMetricEnum,
  ChannelRankingType,
  ErrorCorrelationEnum,
  toCampaignType,
  toKpisType,
} from './campaign.types';
import { CampaignAnalysisType, analyseStoredCampaigns } from './campaignAnalysis';
import { measureLiftOfCampaign } from './campaignLiftService';
import { importCampaigns } from './importCampaigns';

/** Most campaigns one campaignAnalysis reads. */
export const MAX_ANALYSED_CAMPAIGNS = 5000;

/** Periods of history before the campaign that a lift returns for its chart, by default. */
const DEFAULT_LIFT_HISTORY = 28;

/** Campaign import, lookups, analysis, lift and the Campaign type's fields. */
@Resolver(() => CampaignType)
export class CampaignResolver {
  @Authorized('ADMIN')
  @Mutation(() => CampaignImportResultType, {
    description:
      'Imports a campaigns CSV. The whole file is checked first: a malformed line fails the import with IMPORT_FAILED, listing every bad line by number, and nothing is written. A campaign with the same name, channel and start date replaces the stored one.',
  })
  async importCampaigns(
    @Ctx() context: Context,
    @Arg('csv', { description: 'The whole file, header included.' }) csv: string,
    @Arg('format', () => CampaignFileFormatEnum, { defaultValue: CampaignFileFormatEnum.CAMPAIGNS })
    format: CampaignFileFormatEnum,
    @Arg('productId', () => ID, {
      nullable: true,
      description: 'The product every campaign in the file promotes, for lift.',
    })
    productId?: string | null,
    @Arg('currency', { defaultValue: 'GBP', description: 'ISO 4217 code of the money columns.' })
    currency?: string,
    @Arg('dryRun', { defaultValue: false }) dryRun?: boolean,
  ): Promise<CampaignImportResultType> {
    const result = await importCampaigns(context.dataSource, csv, {
      format,
      productId: productId != null ? parseId('productId', productId) : undefined,
      currency: currency ?? 'GBP',
      dryRun: dryRun ?? false,
    });
    context.logger.info(
      {
        requestId: context.requestId,
        campaigns: result.campaigns.length,
        inserted: result.inserted,
        updated: result.updated,
        dryRun,
      },
      'campaigns imported',
    );
    return {
      format,
      campaigns: result.campaigns.length,
      inserted: result.inserted,
      updated: result.updated,
      channels: [...new Set(result.campaigns.map((campaign) => campaign.channel))],
      dryRun: dryRun ?? false,
    };
  }

  @Authorized('ADMIN')
  @Mutation(() => CampaignType, {
    description:
      'Links a campaign to the product it promotes, or unlinks it when productId is null.',
  })
  async setCampaignProduct(
    @Ctx() context: Context,
    @Arg('campaignId', () => ID) campaignId: string,
    @Arg('productId', () => ID, { nullable: true }) productId?: string | null,
  ): Promise<CampaignType> {
    const id = parseId('campaignId', campaignId);
    const repository = context.dataSource.getRepository(Campaign);
    const campaign = await repository.findOneBy({ id });
    if (!campaign) {
      throw badInput('campaignId', `No campaign has id "${campaignId}".`);
    }
    let product: number | null = null;
    if (productId != null) {
      product = parseId('productId', productId);
      if (!(await context.loaders.productById.load(product))) {
        throw badInput(
          'productId',
          `No product has id "${productId}"; query products to find one.`,
        );
      }
    }
    await context.dataSource.transaction((manager) =>
      manager.getRepository(Campaign).update({ id }, { productId: product }),
    );
    return toCampaignType({ ...campaign, productId: product });
  }

  @Query(() => CampaignType, { nullable: true, description: 'One campaign by id.' })
  async campaign(
    @Ctx() context: Context,
    @Arg('id', () => ID) id: string,
  ): Promise<CampaignType | null> {
    const campaign = await context.loaders.analysis.campaignById.load(parseId('id', id));
    return campaign ? toCampaignType(campaign) : null;
  }

  @Query(() => CampaignConnection, { description: 'Campaigns by start date, a page at a time.' })
  async campaigns(
    @Ctx() context: Context,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('productId', () => ID, { nullable: true }) productId?: string | null,
    @Arg('category', () => String, { nullable: true }) category?: string | null,
    @Arg('channel', () => String, { nullable: true }) channel?: string | null,
    @Arg('from', () => DateScalar, { nullable: true, description: 'Campaigns ending on or after.' })
    from?: string | null,
    @Arg('to', () => DateScalar, {
      nullable: true,
      description: 'Campaigns starting on or before.',
    })
    to?: string | null,
  ): Promise<CampaignConnection> {
    // The cursor carries the offset, because the list is ordered by start date, not by id.
    const offset = after != null ? decodeCursor('campaign', after) : 0;
    const page = await listCampaigns(
      context.dataSource,
      toFilter({ productId, category, channel, from, to }),
      { first: checkPageSize(first), offset },
    );
    const edges = page.rows.map((row, index) => ({
      cursor: encodeCursor('campaign', offset + index + 1),
      node: toCampaignType(row),
    }));
    return {
      edges,
      totalCount: page.totalCount,
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: page.hasPreviousPage,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }

  @Query(() => CampaignAnalysisType, {
    description:
      'KPIs with intervals per campaign and per channel over the campaigns matching the filter, with channel ranking and timing advice.',
  })
  async campaignAnalysis(
    @Ctx() context: Context,
    @Arg('productId', () => ID, { nullable: true }) productId?: string | null,
    @Arg('category', () => String, { nullable: true }) category?: string | null,
    @Arg('channel', () => String, { nullable: true }) channel?: string | null,
    @Arg('from', () => DateScalar, { nullable: true }) from?: string | null,
    @Arg('to', () => DateScalar, { nullable: true }) to?: string | null,
    @Arg('currency', () => String, { nullable: true }) currency?: string | null,
    @Arg('level', () => Float, { defaultValue: 95 }) level?: number,
    @Arg('orderValueCv', () => Float, {
      defaultValue: 1,
      description:
        'Coefficient of variation of order values for the ROAS interval; 1 is an assumption, give your own figure.',
    })
    orderValueCv?: number,
  ): Promise<CampaignAnalysisType> {
    const filter = toFilter({ productId, category, channel, from, to });
    let rows = await findCampaigns(context.dataSource, filter, MAX_ANALYSED_CAMPAIGNS);
    if (rows.length > MAX_ANALYSED_CAMPAIGNS) {
      throw badInput(
        'campaigns',
        `campaignAnalysis reads at most ${MAX_ANALYSED_CAMPAIGNS} campaigns; narrow the filter.`,
      );
    }
    if (currency != null) {
      rows = rows.filter((row) => row.currency === currency);
    }
    return analyseStoredCampaigns(rows, { level: level ?? 95, orderValueCv: orderValueCv ?? 1 });
  }

  @FieldResolver(() => ProductType, { nullable: true, description: 'The product promoted.' })
  async product(
    @Root() campaign: CampaignType,
    @Ctx() context: Context,
  ): Promise<ProductType | null> {
    if (campaign.productId === null) {
      return null;
    }
    const product = await context.loaders.productById.load(campaign.productId);
    return product ? toProductType(product) : null;
  }

  @FieldResolver(() => CampaignKpisType, { description: "This campaign's KPIs with intervals." })
  async kpis(
    @Root() campaign: CampaignType,
    @Ctx() context: Context,
    @Arg('level', () => Float, { defaultValue: 95 }) level: number,
    @Arg('orderValueCv', () => Float, { defaultValue: 1 }) orderValueCv: number,
  ): Promise<CampaignKpisType> {
    const row = await context.loaders.analysis.campaignById.load(Number(campaign.id));
    const analysis = analyseStoredCampaigns([row!], { level, orderValueCv });
    return analysis.campaigns[0];
  }

  @FieldResolver(() => CampaignLiftType, {
    description:
      "Lift in the promoted product's units against a counterfactual forecast fitted on the periods before the campaign. Fits a model on every request.",
  })
  async lift(
    @Root() campaign: CampaignType,
    @Ctx() context: Context,
    @Arg('granularity', () => GranularityEnum, { defaultValue: GranularityEnum.DAY })
    granularity: GranularityEnum,
    @Arg('model', () => ForecastModelInput, {
      nullable: true,
      description: 'Model of the counterfactual; AUTO_ETS when absent.',
    })
    model?: ForecastModelInput | null,
    @Arg('level', () => Float, { defaultValue: 95 }) level?: number,
    @Arg('errorCorrelation', () => ErrorCorrelationEnum, {
      defaultValue: ErrorCorrelationEnum.INDEPENDENT,
    })
    errorCorrelation?: ErrorCorrelationEnum,
    @Arg('historyPeriods', () => Int, {
      defaultValue: DEFAULT_LIFT_HISTORY,
      description: 'Periods before the campaign returned in the chart.',
    })
    historyPeriods?: number,
  ): Promise<CampaignLiftType> {
    const row = await context.loaders.analysis.campaignById.load(Number(campaign.id));
    const modelInput = model ?? defaultLiftModel();
    const request = {
      granularity: toGranularity(granularity),
      model: toModelSpec(modelInput),
      level: level ?? 95,
      errorCorrelation: errorCorrelation ?? ErrorCorrelationEnum.INDEPENDENT,
      historyPeriods: Math.max(0, historyPeriods ?? DEFAULT_LIFT_HISTORY),
    };
    const result = await measureLiftOfCampaign(context, row!, request);
    return {
      campaignId: row!.id,
      request: {
        granularity: request.granularity,
        model: modelInput.kind,
        level: request.level,
        errorCorrelation: request.errorCorrelation,
        historyPeriods: request.historyPeriods,
      },
      granularity,
      modelKind: result.modelKind,
      training: result.training,
      periods: result.periods,
      actualTotal: result.lift.actualTotal,
      counterfactualTotal: result.lift.counterfactualTotal,
      lift: result.lift.lift,
      liftInterval: result.lift.liftInterval,
      relativeLift: result.lift.relativeLift,
      relativeLiftInterval: result.lift.relativeLiftInterval,
      pValue: result.lift.pValue,
      statement: result.statement,
      warnings: result.warnings,
    };
  }
}

/** The chart link of a campaign lift. */
@Resolver(() => CampaignLiftType)
export class CampaignLiftResolver {
  @FieldResolver(() => String, {
    description:
      'Path of an SVG chart of actual sales against the counterfactual with its 95% band, relative to the API origin; fetch it with the same Authorization header. Only optionless models (the model kind) are repeated in the link.',
  })
  chartUrl(
    @Root() lift: CampaignLiftType,
    @Arg('language', () => LanguageEnum, { defaultValue: LanguageEnum.EN }) language: LanguageEnum,
  ): string {
    return chartPath(['campaigns', lift.campaignId, 'lift.svg'], { ...lift.request, language });
  }
}

/** Channel ranking and timing advice over an analysis's campaigns. */
@Resolver(() => CampaignAnalysisType)
export class CampaignAnalysisResolver {
  @FieldResolver(() => ChannelRankingType, {
    description:
      "Channels ranked by a KPI; the lead is clear when the best channel's interval does not overlap the runner-up's. BAD_USER_INPUT when no channel records the KPI's inputs.",
  })
  channelRanking(
    @Root() analysis: CampaignAnalysisType,
    @Arg('metric', () => ChannelMetricEnum, { defaultValue: ChannelMetricEnum.ROAS })
    metric: ChannelMetricEnum,
  ): ChannelRankingType {
    const ranking = compareChannels(analysis.analysis.channels, metric as ChannelMetric);
    return { ...ranking, metric };
  }

  @FieldResolver(() => TimingComparisonType, {
    description:
      'Which weekday or month of campaign start performed best by a KPI, each campaign counting once, with t intervals and a one-way ANOVA. BAD_USER_INPUT when no campaign has the KPI.',
  })
  timing(
    @Root() analysis: CampaignAnalysisType,
    @Arg('by', () => TimingGroupingEnum, { defaultValue: TimingGroupingEnum.MONTH })
    by: TimingGroupingEnum,
    @Arg('metric', () => ChannelMetricEnum, {
      defaultValue: ChannelMetricEnum.CONVERSION_RATE_PER_IMPRESSION,
    })
    metric: ChannelMetricEnum,
  ): TimingComparisonType {
    const records = analysis.rows.flatMap((row, index) => {
      const value = kpiValue(
        toKpisType(analysis.analysis.campaigns[index], analysis.currency),
        metric,
      );
      return value === null ? [] : [{ date: row.startDate, value }];
    });
    if (records.length === 0) {
      throw badInput(
        'metric',
        `No selected campaign records the inputs of ${metric}; choose another metric.`,
      );
    }
    const label = `${metric} per campaign by start ${by}`;
    return toTimingType(
      compareTiming(records, { by, metric: label, level: analysis.level }),
      label,
    );
  }
}

function kpiValue(kpis: CampaignKpisType, metric: ChannelMetricEnum): number | null {
  switch (metric) {
    case ChannelMetricEnum.ROAS:
      return kpis.roas.value;
    case ChannelMetricEnum.CTR:
      return kpis.ctr.value;
    case ChannelMetricEnum.CONVERSION_RATE:
      return kpis.conversionRate.value;
    case ChannelMetricEnum.CONVERSION_RATE_PER_IMPRESSION:
      return kpis.conversionRatePerImpression.value;
    case ChannelMetricEnum.CPA:
      return kpis.cpa.value === null ? null : Number(kpis.cpa.value.amount);
  }
}

function defaultLiftModel(): ForecastModelInput {
  return Object.assign(new ForecastModelInput(), {
    kind: ForecastModelKind.AUTO_ETS,
    autoBoxCox: false,
  });
}

function toFilter(args: {
  productId?: string | null;
  category?: string | null;
  channel?: string | null;
  from?: string | null;
  to?: string | null;
}): CampaignFilter {
  return {
    productId: args.productId != null ? parseId('productId', args.productId) : undefined,
    category: args.category ?? undefined,
    channel: args.channel ?? undefined,
    from: args.from ?? undefined,
    to: args.to ?? undefined,
  };
}
