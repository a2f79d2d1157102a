import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { UnitKind } from '@cchc/domain';

/** A unit (đơn vị). Its place in the tree lives in unit_links (dated) and unit_closure (derived). */
@Entity({ name: 'units' })
export class UnitEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') code: string;
  @Column('text') name: string;
  @Column('text') abbreviation: string;
  @Column('text') kind: UnitKind;
  @Column('text', { nullable: true }) email: string | null;
  @Column('boolean', { name: 'is_reviewing_office' }) isReviewingOffice: boolean;
  @Column('text', { name: 'search_text' }) searchText: string;
  /** ISO dates; active_to is 'infinity' while the unit exists. */
  @Column('date', { name: 'active_from' }) activeFrom: string;
  @Column('date', { name: 'active_to' }) activeTo: string;
  @Column('uuid', { name: 'merged_into_id', nullable: true }) mergedIntoId: string | null;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt: Date;
}
