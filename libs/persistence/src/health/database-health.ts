import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';

/** Whether PostgreSQL answers (readiness checks). */
@Injectable()
export class DatabaseHealth {
  constructor(@InjectEntityManager() private readonly em: EntityManager) {}

  /** Resolves when the database answers a trivial query; rejects with the driver's error otherwise. */
  async ping(): Promise<void> {
    await this.em.query('SELECT 1');
  }
}
