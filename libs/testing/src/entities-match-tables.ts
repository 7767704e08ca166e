import type pg from 'pg';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import type { TableColumn } from 'typeorm';
import { dataSourceOn } from '@bostadsko/postgres';

const describe = (column: { name: string; type: string; isNullable: boolean; isPrimary: boolean; isArray: boolean }) =>
  `${column.name} ${column.type}${column.isArray ? '[]' : ''}${column.isNullable ? '' : ' not null'}${column.isPrimary ? ' primary' : ''}`;

/**
 * Where the entities and the tables their migrations and projections made differ:
 * a table missing, a column missing on either side, or one of another type,
 * nullability or primary key. Indexes and constraints are left out: PostgreSQL names
 * them, and a rebuild swaps a table in under its live name but keeps its indexes' names,
 * so TypeORM's schema builder would find a rebuilt table's indexes "wrong" forever.
 */
export async function entityDrift(pool: pg.Pool, entities: readonly Function[]): Promise<string[]> {
  const source = await dataSourceOn(pool, { entities: [...entities] });
  const runner = source.createQueryRunner();
  try {
    const drift: string[] = [];
    for (const metadata of source.entityMetadatas) {
      const table = await runner.getTable(metadata.tablePath);
      if (!table) {
        drift.push(`${metadata.tablePath}: no such table`);
        continue;
      }
      const entity = new Set(
        metadata.columns.map((c: ColumnMetadata) => describe({ name: c.databaseName, type: source.driver.normalizeType(c), isNullable: c.isNullable, isPrimary: c.isPrimary, isArray: c.isArray })),
      );
      const database = new Set(table.columns.map((c: TableColumn) => describe(c)));
      for (const column of entity) if (!database.has(column)) drift.push(`${metadata.tablePath}: the entity has ${column}, the table does not`);
      for (const column of database) if (!entity.has(column)) drift.push(`${metadata.tablePath}: the table has ${column}, the entity does not`);
    }
    return drift;
  } finally {
    await runner.release();
  }
}
