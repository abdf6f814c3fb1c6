/**
 * Vocabulary: the requested cost of an operation is computed from its document before it runs.
 * Every selected field costs 1 point, or its price from `costRules`; the selection below a
 * list field counts once per item expected. A connection (a field with a `first` or `last`
 * argument) expects that many items in the list fields directly below it (`edges`, `nodes`).
 * An argument of the field above a list can fix its length, as `runForecast`'s `horizon` fixes
 * the `points` of its forecast. Other lists use the estimate in `costRules`. Aliases and
 * repeated fragments are counted each time they appear, because each one is resolved again.
 * Depth is the longest chain of nested fields. Introspection fields (`__schema`, `__type`) cost
 * 1 point per selected field, do not count towards depth, and are bounded by graphql-js's
 * MaxIntrospectionDepthRule instead.
 */
import {
  GraphQLError,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  isCompositeType,
  isListType,
  isObjectType,
  isInterfaceType,
} from 'graphql';
import type {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  GraphQLCompositeType,
  GraphQLField,
  GraphQLSchema,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';

import { ErrorCode } from '../../shared/errors';
import { DEFAULT_LIST_SIZE, fieldCost, listSize, listSizesBelow } from './costRules';
import type { ListSizes } from './costRules';

/** Bounds checked while the operation is measured. */
export interface InputLimits {
  /** Largest `first` or `last` a connection accepts. */
  maxPageSize: number;
  /** Maximum items in any list argument or list input field. */
  maxListItems: number;
}

/** The measures `analyzeOperation` returns. */
export interface OperationAnalysis {
  requestedCost: number;
  depth: number;
  /** BAD_USER_INPUT errors for page sizes and input lists over the limits, in document order. */
  inputErrors: GraphQLError[];
}

interface Measure {
  cost: number;
  depth: number;
}

/**
 * Measures an operation of a valid document: its requested cost and depth, and the page
 * sizes and input lists over `limits`. `rawVariables` are the request's variables before
 * coercion. When they fail to coerce, arguments taken from them count as absent, because
 * execution rejects the operation anyway.
 */
export function analyzeOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown> | undefined,
  limits: InputLimits,
): OperationAnalysis {
  const coerced = getVariableValues(
    schema,
    operation.variableDefinitions ?? [],
    rawVariables ?? {},
    { maxErrors: 1 },
  );
  const walker = new CostWalker(schema, document, coerced.coerced ?? {}, limits);
  const rootType = schema.getRootType(operation.operation);
  const measure = rootType
    ? walker.measureSelectionSet(rootType, operation.selectionSet, undefined, undefined)
    : { cost: 0, depth: 0 };
  return { requestedCost: measure.cost, depth: measure.depth, inputErrors: walker.inputErrors };
}

class CostWalker {
  readonly inputErrors: GraphQLError[] = [];
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  // Fragments are measured once per page size and list lengths: a document that spreads
  // fragments inside fragments would otherwise take time exponential in its length.
  private readonly fragmentMeasures = new Map<string, Measure>();
  private readonly introspectionCounts = new Map<string, number>();

  constructor(
    private readonly schema: GraphQLSchema,
    document: DocumentNode,
    private readonly variables: Record<string, unknown>,
    private readonly limits: InputLimits,
  ) {
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) {
        this.fragments.set(definition.name.value, definition);
      }
    }
  }

  /**
   * Measures a selection set on `parentType`. `pageSize` is the page size of the connection
   * that owns this selection set; list fields directly in it expect that many items.
   * `listSizes` are the lengths that the arguments of the owning field fix for list fields
   * directly in it.
   */
  measureSelectionSet(
    parentType: GraphQLCompositeType,
    selectionSet: SelectionSetNode,
    pageSize: number | undefined,
    listSizes: ListSizes | undefined,
  ): Measure {
    let cost = 0;
    let depth = 0;
    for (const selection of selectionSet.selections) {
      if (!this.isIncluded(selection)) {
        continue;
      }
      let measure: Measure;
      if (selection.kind === Kind.FIELD) {
        measure = this.measureField(parentType, selection, pageSize, listSizes);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        // NOTE: fragments on different members of a union or interface all count, though only
        // one applies per object; Shopify counts the most expensive. The schema has no
        // abstract types yet, so the two rules agree.
        const type = selection.typeCondition
          ? this.compositeType(selection.typeCondition.name.value)
          : parentType;
        measure = type
          ? this.measureSelectionSet(type, selection.selectionSet, pageSize, listSizes)
          : { cost: 0, depth: 0 };
      } else {
        measure = this.measureFragment(selection.name.value, pageSize, listSizes);
      }
      cost += measure.cost;
      depth = Math.max(depth, measure.depth);
    }
    return { cost, depth };
  }

  private measureFragment(
    name: string,
    pageSize: number | undefined,
    listSizes: ListSizes | undefined,
  ): Measure {
    const key = `${name}:${pageSize ?? ''}:${listSizes ? JSON.stringify(listSizes) : ''}`;
    const known = this.fragmentMeasures.get(key);
    if (known) {
      return known;
    }
    const fragment = this.fragments.get(name);
    const type = fragment && this.compositeType(fragment.typeCondition.name.value);
    const measure = type
      ? this.measureSelectionSet(type, fragment.selectionSet, pageSize, listSizes)
      : { cost: 0, depth: 0 };
    this.fragmentMeasures.set(key, measure);
    return measure;
  }

  private measureField(
    parentType: GraphQLCompositeType,
    node: FieldNode,
    pageSize: number | undefined,
    listSizes: ListSizes | undefined,
  ): Measure {
    const name = node.name.value;
    if (name === '__schema' || name === '__type') {
      return { cost: 1 + this.countIntrospectionFields(node.selectionSet), depth: 0 };
    }
    const field =
      isObjectType(parentType) || isInterfaceType(parentType)
        ? parentType.getFields()[name]
        : undefined;
    if (!field) {
      // Only __typename gets here: validation has rejected unknown fields.
      return { cost: 1, depth: 1 };
    }

    const coordinate = `${parentType.name}.${name}`;
    const args = this.argumentsOf(field, node);
    this.checkListInputs(args, node);
    const ownPageSize = this.pageSizeOf(field, args, node);
    const price = fieldCost(coordinate, args) ?? 1;
    const namedType = getNamedType(field.type);
    if (!node.selectionSet || !isCompositeType(namedType)) {
      return { cost: price, depth: 1 };
    }

    const items = isListType(getNullableType(field.type))
      ? (pageSize ?? listSizes?.[coordinate] ?? listSize(coordinate, args) ?? DEFAULT_LIST_SIZE)
      : 1;
    const child = this.measureSelectionSet(
      namedType,
      node.selectionSet,
      ownPageSize,
      listSizesBelow(coordinate, args),
    );
    return { cost: price + items * child.cost, depth: 1 + child.depth };
  }

  /**
   * Returns the page size of a connection field, checked against the maximum, or undefined
   * for a field without `first` or `last`. A missing argument takes its schema default.
   */
  private pageSizeOf(
    field: GraphQLField<unknown, unknown>,
    args: Record<string, unknown>,
    node: FieldNode,
  ): number | undefined {
    for (const name of ['first', 'last']) {
      if (!field.args.some((arg) => arg.name === name) || typeof args[name] !== 'number') {
        continue;
      }
      const size = args[name] as number;
      if (size < 1 || size > this.limits.maxPageSize) {
        this.inputErrors.push(
          new GraphQLError(
            `${name} must be between 1 and ${this.limits.maxPageSize}; received ${size}.`,
            { nodes: [node], extensions: { code: ErrorCode.BadUserInput, field: name } },
          ),
        );
      }
      return Math.min(Math.max(size, 1), this.limits.maxPageSize);
    }
    return undefined;
  }

  private checkListInputs(args: Record<string, unknown>, node: FieldNode) {
    for (const [name, value] of Object.entries(args)) {
      const oversized = findOversizedList(value, name, this.limits.maxListItems);
      if (oversized) {
        this.inputErrors.push(
          new GraphQLError(
            `${oversized.path} must hold at most ${this.limits.maxListItems} items; received ${oversized.length}. Split larger inputs into several requests.`,
            { nodes: [node], extensions: { code: ErrorCode.BadUserInput, field: oversized.path } },
          ),
        );
      }
    }
  }

  private argumentsOf(
    field: GraphQLField<unknown, unknown>,
    node: FieldNode,
  ): Record<string, unknown> {
    try {
      return getArgumentValues(field, node, this.variables);
    } catch {
      // A variable that failed coercion: execution rejects the operation with its own error.
      return {};
    }
  }

  private countIntrospectionFields(selectionSet: SelectionSetNode | undefined): number {
    let count = 0;
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        count += 1 + this.countIntrospectionFields(selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        count += this.countIntrospectionFields(selection.selectionSet);
      } else {
        const name = selection.name.value;
        let known = this.introspectionCounts.get(name);
        if (known === undefined) {
          known = this.countIntrospectionFields(this.fragments.get(name)?.selectionSet);
          this.introspectionCounts.set(name, known);
        }
        count += known;
      }
    }
    return count;
  }

  private isIncluded(node: { directives?: readonly unknown[] }): boolean {
    const directed = node as Parameters<typeof getDirectiveValues>[1];
    try {
      if (getDirectiveValues(GraphQLSkipDirective, directed, this.variables)?.if === true) {
        return false;
      }
      return getDirectiveValues(GraphQLIncludeDirective, directed, this.variables)?.if !== false;
    } catch {
      // The condition's variable failed coercion; count the selection, as for arguments.
      return true;
    }
  }

  private compositeType(name: string): GraphQLCompositeType | undefined {
    const type = this.schema.getType(name);
    return type && isCompositeType(type) ? type : undefined;
  }
}

/** Returns the first list in `value` longer than `max`, with its path, or undefined. */
function findOversizedList(
  value: unknown,
  path: string,
  max: number,
): { path: string; length: number } | undefined {
  if (Array.isArray(value)) {
    if (value.length > max) {
      return { path, length: value.length };
    }
    for (const item of value) {
      const found = findOversizedList(item, path, max);
      if (found) {
        return found;
      }
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = findOversizedList(item, `${path}.${key}`, max);
      if (found) {
        return found;
      }
    }
  }
  return undefined;
}
