import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';

import { generateCopy } from '../../copywriting';
import { GeneratedCopy } from '../../db/entities';
import { badInput } from '../../shared/errors';
import { parseId } from '../common/ids';
import type { Context } from '../context';
import { ProductType, toProductType } from '../product/product.types';
import { CopyChannelEnum, CopyToneEnum, LanguageEnum } from './copy.enums';
import { GeneratedCopyType, toCopyType } from './copy.types';
import { loadBriefFacts } from './copyBrief';

/** generateCopy and the GeneratedCopy type's relations. */
@Resolver(() => GeneratedCopyType)
export class CopyResolver {
  @Mutation(() => [GeneratedCopyType], {
    description:
      "Writes copy variants from the product's data, sales trend and latest forecast with the configured provider, stores them and returns them. Nothing is stored when any variant fails.",
  })
  async generateCopy(
    @Ctx() context: Context,
    @Arg('productId', () => ID) productId: string,
    @Arg('channel', () => CopyChannelEnum) channel: CopyChannelEnum,
    @Arg('tone', () => CopyToneEnum, { defaultValue: CopyToneEnum.FRIENDLY }) tone: CopyToneEnum,
    @Arg('language', () => LanguageEnum, { defaultValue: LanguageEnum.EN }) language: LanguageEnum,
    @Arg('variants', () => Int, { defaultValue: 1, description: 'Number of variants, 1 to 10.' })
    variants: number,
    @Arg('maxLength', () => Int, {
      defaultValue: 280,
      description: 'Maximum length of each variant in user-perceived characters.',
    })
    maxLength: number,
  ): Promise<GeneratedCopyType[]> {
    const id = parseId('productId', productId);
    const product = await context.loaders.productById.load(id);
    if (!product) {
      throw badInput('productId', `No product has id "${productId}"; query products to find one.`);
    }
    const facts = await loadBriefFacts(context, product);
    const written = await generateCopy(context.copyProvider, {
      ...facts,
      channel,
      tone,
      language,
      variants,
      maxLength,
    });

    const rows = await context.dataSource.transaction((manager) => {
      const repository = manager.getRepository(GeneratedCopy);
      return repository.save(
        written.map((variant) =>
          repository.create({
            productId: id,
            channel,
            tone,
            language,
            text: variant.text,
            variant: variant.variant,
            maxLength,
            truncated: variant.truncated,
            provider: variant.provider,
            model: variant.model,
            prompt: variant.prompt,
            latencyMs: Math.round(variant.latencyMs),
            promptTokens: variant.usage?.promptTokens ?? null,
            completionTokens: variant.usage?.completionTokens ?? null,
          }),
        ),
      );
    });
    context.logger.info(
      {
        requestId: context.requestId,
        productId: id,
        copies: rows.length,
        provider: rows[0]?.provider,
      },
      'copy generated',
    );
    return rows.map(toCopyType);
  }

  @FieldResolver(() => ProductType)
  async product(@Root() copy: GeneratedCopyType, @Ctx() context: Context): Promise<ProductType> {
    const product = await context.loaders.productById.load(copy.productId);
    return toProductType(product!);
  }
}
