import 'reflect-metadata';

import { DataSource } from 'typeorm';

import { dataSourceOptions } from './src/db/dataSource';
import { loadConfig } from './src/server/config';

/**
 * The data source for TypeORM's CLI (`npm run migration:run`, `migration:revert`,
 * `migration:show`), configured from the same environment variables as the server.
 */
export default new DataSource(dataSourceOptions(loadConfig().database));
