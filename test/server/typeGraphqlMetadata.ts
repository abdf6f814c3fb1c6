/** The part of type-graphql's metadata storage the tests read. */
interface MetadataStorage {
  authorizedFields: { target: Function; fieldName: string; roles: string[] }[];
}

/**
 * Returns type-graphql's metadata storage, where `@Authorized` records its roles. NOTE:
 * type-graphql 2.0.0-rc.4 keeps it on `global.TypeGraphQLMetadataStorage` and exports no
 * accessor from its package entry point; this test helper breaks if that changes.
 */
export function getMetadataStorage(): MetadataStorage {
  const storage = (globalThis as { TypeGraphQLMetadataStorage?: MetadataStorage })
    .TypeGraphQLMetadataStorage;
  if (!storage) {
    throw new Error('type-graphql metadata storage not found on globalThis.');
  }
  return storage;
}
