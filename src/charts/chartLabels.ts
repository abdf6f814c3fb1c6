/** Languages charts are labelled in: the languages of the copy and the reviews. */
export type ChartLanguage = 'en' | 'zh';

/** Every text a chart shows that is not data. */
export interface ChartLabels {
  period: string;
  units: string;
  history: string;
  forecast: string;
  band80: string;
  band95: string;
  observed: string;
  trend: string;
  seasonal: string;
  remainder: string;
  anomaly: string;
  actual: string;
  counterfactual: string;
  campaign: string;
  variant: string;
  conversionRate: string;
  control: string;
  series: string;
  forecastTitle: (product: string) => string;
  decompositionTitle: (product: string) => string;
  liftTitle: (campaign: string) => string;
  experimentTitle: (experiment: string) => string;
}

const EN: ChartLabels = {
  period: 'Period',
  units: 'Units sold',
  history: 'History',
  forecast: 'Forecast',
  band80: '80% interval',
  band95: '95% interval',
  observed: 'Observed',
  trend: 'Trend',
  seasonal: 'Seasonal',
  remainder: 'Remainder',
  anomaly: 'Anomaly',
  actual: 'Actual',
  counterfactual: 'Without campaign (forecast)',
  campaign: 'Campaign',
  variant: 'Variant',
  conversionRate: 'Conversion rate',
  control: 'control',
  series: 'Series',
  forecastTitle: (product) => `${product}: sales and forecast`,
  decompositionTitle: (product) => `${product}: trend and seasonality`,
  liftTitle: (campaign) => `${campaign}: sales against the forecast without it`,
  experimentTitle: (experiment) => `${experiment}: conversion rate per variant`,
};

const ZH: ChartLabels = {
  period: '时间',
  units: '销量（件）',
  history: '历史',
  forecast: '预测',
  band80: '80% 区间',
  band95: '95% 区间',
  observed: '实际值',
  trend: '趋势',
  seasonal: '季节',
  remainder: '残差',
  anomaly: '异常',
  actual: '实际',
  counterfactual: '无活动时（预测）',
  campaign: '活动',
  variant: '版本',
  conversionRate: '转化率',
  control: '对照',
  series: '序列',
  forecastTitle: (product) => `${product}：销量与预测`,
  decompositionTitle: (product) => `${product}：趋势与季节性`,
  liftTitle: (campaign) => `${campaign}：实际销量与无活动预测对比`,
  experimentTitle: (experiment) => `${experiment}：各版本转化率`,
};

/** Returns the chart texts of `language`. */
export function chartLabels(language: ChartLanguage): ChartLabels {
  return language === 'zh' ? ZH : EN;
}

/**
 * d3 time-format locales for axis labels, in the shape Vega's `config.locale.time` takes: the
 * en-US and zh-CN locales of d3-time-format 4, except that Chinese short months are numeric
 * (1月 to 12月), which keeps tick labels short.
 */
export const TIME_LOCALES: Record<ChartLanguage, Record<string, unknown>> = {
  en: {
    dateTime: '%x, %X',
    date: '%-m/%-d/%Y',
    time: '%-I:%M:%S %p',
    periods: ['AM', 'PM'],
    days: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
    shortDays: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
    months: [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ],
    shortMonths: [
      'Jan',
      'Feb',
      'Mar',
      'Apr',
      'May',
      'Jun',
      'Jul',
      'Aug',
      'Sep',
      'Oct',
      'Nov',
      'Dec',
    ],
  },
  zh: {
    dateTime: '%x %A %X',
    date: '%Y年%-m月%-d日',
    time: '%H:%M:%S',
    periods: ['上午', '下午'],
    days: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'],
    shortDays: ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
    months: [
      '一月',
      '二月',
      '三月',
      '四月',
      '五月',
      '六月',
      '七月',
      '八月',
      '九月',
      '十月',
      '十一月',
      '十二月',
    ],
    shortMonths: [
      '1月',
      '2月',
      '3月',
      '4月',
      '5月',
      '6月',
      '7月',
      '8月',
      '9月',
      '10月',
      '11月',
      '12月',
    ],
  },
};
