import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An API key. Only the SHA-256 hash of the secret is stored. `prefix` contains the secret's
 * first characters, so that people can tell their keys apart in lists and logs.
 */
@Entity({ name: 'api_key' })
export class ApiKey {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  /** `READER`, `ANALYST` or `ADMIN`. */
  @Column({ type: 'varchar', length: 16 })
  role!: string;

  @Column({ type: 'varchar', length: 16 })
  prefix!: string;

  /** Lower-case hex SHA-256 of the whole secret. */
  @Index('uq_api_key_secret_hash', { unique: true })
  @Column({ name: 'secret_hash', type: 'varchar', length: 64 })
  secretHash!: string;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  /** Last request made with the key, written at most once a minute per server process. */
  @Column({ name: 'last_used_at', type: Date, nullable: true })
  lastUsedAt!: Date | null;

  @Column({ name: 'revoked_at', type: Date, nullable: true })
  revokedAt!: Date | null;
}
