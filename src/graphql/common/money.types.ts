import { Field, ObjectType } from 'type-graphql';

import { formatMoney } from '../../shared/money';

/** An exact amount of money. */
@ObjectType({ description: 'An exact amount of money: a decimal string and an ISO 4217 currency.' })
export class Money {
  @Field({ description: 'Decimal string with at least two decimals, e.g. "2.55" or "0.001".' })
  amount!: string;

  @Field({ description: 'ISO 4217 currency code, e.g. "GBP".' })
  currency!: string;
}

/** Converts minor units at scale 4 to a `Money` value. */
export function toMoney(minor: number, currency: string): Money {
  return { amount: formatMoney(minor), currency };
}
