import { Column, CreateDateColumn, Entity, Index, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Site } from './site.entity';

/** A tenant: one park operator (e.g. a tech park running several sites). All data hangs off it. */
@Entity({ name: 'organisations' })
export class Organisation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** URL-safe unique key, e.g. `euratechnologies`. */
  @Index('uq_organisations_slug', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  slug!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** IANA time zone used for schedules and period boundaries. */
  @Column({ type: 'varchar', length: 64, default: 'Europe/Paris' })
  timeZone!: string;

  /** Default language of emails and reports. */
  @Column({ type: 'varchar', length: 2, default: 'fr' })
  defaultLocale!: 'fr' | 'en';

  @OneToMany('Site', (site: Site) => site.organisation)
  sites?: Site[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
