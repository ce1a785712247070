import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { HeartbeatSource } from '@incubator/contracts';

/**
 * One processed heartbeat job. The unique job id makes the write idempotent: a job retried after a
 * crash between the insert and the acknowledgement does not leave a second row.
 */
@Entity({ name: 'heartbeats' })
@Index('ix_heartbeats_processed_at', ['processedAt'])
export class Heartbeat {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('uq_heartbeats_job_id', { unique: true })
  @Column({ type: 'varchar', length: 200 })
  jobId!: string;

  @Column({ type: 'varchar', length: 16 })
  source!: HeartbeatSource;

  @Column({ type: 'timestamptz' })
  requestedAt!: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  processedAt!: Date;

  @Column({ type: 'varchar', length: 200 })
  processedBy!: string;
}
