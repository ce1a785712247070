import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@incubator/api/config';
import { dataSourceOptions } from './data-source-options';

/**
 * Connects the Nest application to PostgreSQL with the shared DataSource options. Each domain module
 * registers its entities with `TypeOrmModule.forFeature`; `autoLoadEntities` adds them to the connection.
 */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ ...dataSourceOptions(config.DATABASE_URL, [], config.DATABASE_POOLING), autoLoadEntities: true, retryAttempts: 3 }),
    }),
  ],
})
export class DatabaseModule {}
