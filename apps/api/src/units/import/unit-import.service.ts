import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import {
  DomainError,
  externalParentCodes,
  topologicalOrder,
  unprocessable,
  type RowProblem,
  type UnitImportRow,
} from '@cchc/domain';
import { AuditEntry, AuditRepository, UnitRow, UnitTreeRepository } from '@cchc/persistence';
import { AccessService, today } from '../../access/access.service';
import { Actor, actorRef } from '../../auth/actor';
import { FileFormatError, parseUnitFile } from './unit-file';

export interface ImportSummary {
  dryRun: boolean;
  validFrom: string;
  rows: number;
  created: number;
  updated: number;
  moved: number;
  unchanged: number;
}

class DryRunRollback extends Error {
  constructor(readonly summary: ImportSummary) {
    super('dry run');
  }
}

const problem = (row: UnitImportRow, field: string, code: string, message: string): RowProblem => ({
  rowNumber: row.rowNumber,
  field,
  code,
  message,
});

/**
 * Imports units from CSV/XLSX. The file is validated as a whole — structure, parents, scope — and either
 * every row is applied in one transaction or nothing is written and every bad row is reported.
 * Re-importing the same file changes nothing.
 */
@Injectable()
export class UnitImportService {
  constructor(
    @InjectEntityManager() private readonly em: EntityManager,
    private readonly tree: UnitTreeRepository,
    private readonly access: AccessService,
    private readonly audit: AuditRepository,
  ) {}

  async import(
    actor: Actor,
    file: { buffer: Buffer; originalname: string; mimetype?: string },
    opts: { validFrom?: string; dryRun?: boolean },
  ): Promise<ImportSummary> {
    const validFrom = opts.validFrom ?? today();
    let parsed;
    try {
      parsed = await parseUnitFile(file.buffer, file.originalname, file.mimetype);
    } catch (e) {
      if (e instanceof FileFormatError) throw new DomainError('unprocessable', e.code, e.message, e.details);
      throw e;
    }
    const rows = topologicalOrder(parsed.ok ? parsed.rows : parsed.validRows);
    const checked = parsed.ok
      ? { problems: [], rowCount: rows.length, codes: rows.map((r) => r.code) }
      : { problems: parsed.problems, rowCount: parsed.rowCount, codes: parsed.codes };
    try {
      return await this.em.transaction((m) => this.apply(actor, rows, checked, validFrom, !!opts.dryRun, m));
    } catch (e) {
      if (e instanceof DryRunRollback) return e.summary;
      throw e;
    }
  }

  private async apply(
    actor: Actor,
    rows: UnitImportRow[],
    file: { problems: RowProblem[]; rowCount: number; codes: string[] },
    validFrom: string,
    dryRun: boolean,
    m: EntityManager,
  ): Promise<ImportSummary> {
    const problems: RowProblem[] = [...file.problems];
    const inFile = new Set(file.codes);
    const known = new Map<string, UnitRow>();
    for (const u of await this.tree.findByCodes(
      [...new Set([...rows.map((r) => r.code), ...externalParentCodes(rows)])],
      validFrom,
      m,
    )) {
      known.set(u.code, u);
    }
    const codeById = new Map([...known.values()].map((u) => [u.id, u.code]));

    // Scope: every parent named outside the file, and every existing unit the file changes, must be the admin's.
    const scopeCache = new Map<string, boolean>();
    const mayRestructureUnder = async (parentId: string) => {
      if (!scopeCache.has(parentId)) {
        scopeCache.set(
          parentId,
          await this.access.authorizeUnder(actor, 'unit.restructure', parentId, validFrom, m).then(
            () => true,
            () => false,
          ),
        );
      }
      return scopeCache.get(parentId)!;
    };

    const toCreate: UnitImportRow[] = [];
    const toUpdate: Array<{ row: UnitImportRow; unit: UnitRow }> = [];
    const toMove: Array<{ row: UnitImportRow; unit: UnitRow; parentCode: string }> = [];
    let unchanged = 0;
    for (const row of rows) {
      const existing = known.get(row.code);
      if (!row.parentCode) {
        if (!existing || existing.parentId !== null)
          problems.push(
            problem(
              row,
              'parentCode',
              'import.root_not_allowed',
              'Thiếu mã đơn vị cấp trên: không thể nhập đơn vị cấp cao nhất',
            ),
          );
        else unchanged++;
        continue;
      }
      const parentInDb = known.get(row.parentCode);
      if (!inFile.has(row.parentCode) && !parentInDb) {
        problems.push(
          problem(
            row,
            'parentCode',
            'import.unknown_parent',
            `Không tìm thấy đơn vị cấp trên có mã "${row.parentCode}"`,
          ),
        );
        continue;
      }
      if (!inFile.has(row.parentCode) && parentInDb && !(await mayRestructureUnder(parentInDb.id))) {
        problems.push(
          problem(
            row,
            'parentCode',
            'import.parent_out_of_scope',
            `Đơn vị cấp trên "${row.parentCode}" không thuộc phạm vi bạn quản lý`,
          ),
        );
        continue;
      }
      if (!existing) {
        toCreate.push(row);
        continue;
      }
      if (existing.activeTo !== null && existing.activeTo <= validFrom) {
        problems.push(problem(row, 'code', 'import.unit_inactive', `Đơn vị "${row.code}" đã ngừng hoạt động`));
        continue;
      }
      if (existing.parentId === null || !(await mayRestructureUnder(existing.parentId))) {
        problems.push(
          problem(
            row,
            'code',
            'import.unit_out_of_scope',
            `Đơn vị "${row.code}" đã tồn tại và không thuộc phạm vi bạn quản lý`,
          ),
        );
        continue;
      }
      const currentParentCode = existing.parentId
        ? (codeById.get(existing.parentId) ?? (await this.tree.codeOf(existing.parentId, m)))
        : null;
      if (currentParentCode !== row.parentCode) toMove.push({ row, unit: existing, parentCode: row.parentCode });
      if (differs(existing, row)) toUpdate.push({ row, unit: existing });
      if (currentParentCode === row.parentCode && !differs(existing, row)) unchanged++;
    }
    if (problems.length) {
      problems.sort((a, b) => a.rowNumber - b.rowNumber);
      throw this.rejected(problems, file.rowCount);
    }

    const summary: ImportSummary = {
      dryRun,
      validFrom,
      rows: rows.length,
      created: toCreate.length,
      updated: toUpdate.length,
      moved: toMove.length,
      unchanged,
    };
    if (dryRun) throw new DryRunRollback(summary);

    const entries: AuditEntry[] = [];
    const base = { actor: actorRef(actor), entityType: 'unit', requestId: actor.requestId };
    const ids = await this.tree.insertUnits(
      toCreate.map((r) => ({
        code: r.code,
        name: r.name,
        abbreviation: r.abbreviation,
        kind: r.kind,
        email: r.email,
        parentId:
          inFile.has(r.parentCode!) && !known.has(r.parentCode!) ? null : (known.get(r.parentCode!)?.id ?? null),
        parentCode: r.parentCode ?? undefined,
      })),
      validFrom,
      m,
    );
    toCreate.forEach((r, i) =>
      entries.push({
        ...base,
        action: 'unit.created',
        entityId: ids[i],
        unitId: ids[i],
        after: { code: r.code, name: r.name, kind: r.kind, parentCode: r.parentCode, source: 'import' },
      }),
    );
    const idOf = new Map<string, string>([...known.values()].map((u) => [u.code, u.id]));
    toCreate.forEach((r, i) => idOf.set(r.code, ids[i]));
    for (const { row, unit } of toUpdate) {
      await this.tree.updateAttributes(
        unit.id,
        { name: row.name, abbreviation: row.abbreviation, kind: row.kind, email: row.email },
        m,
      );
      entries.push({
        ...base,
        action: 'unit.updated',
        entityId: unit.id,
        unitId: unit.id,
        before: { name: unit.name, abbreviation: unit.abbreviation, kind: unit.kind, email: unit.email },
        after: { name: row.name, abbreviation: row.abbreviation, kind: row.kind, email: row.email, source: 'import' },
      });
    }
    for (const { unit, parentCode } of toMove) {
      const parentId = idOf.get(parentCode)!;
      await this.tree.move(unit.id, parentId, validFrom, m);
      entries.push({
        ...base,
        action: 'unit.moved',
        entityId: unit.id,
        unitId: unit.id,
        before: { parentId: unit.parentId },
        after: { parentId, effectiveDate: validFrom, source: 'import' },
      });
    }
    await this.audit.recordMany(entries, m);
    return summary;
  }

  private rejected(problems: RowProblem[], rowCount: number): DomainError {
    const badRows = new Set(problems.map((p) => p.rowNumber)).size;
    return unprocessable('import.invalid_rows', `Tệp có ${badRows} dòng không hợp lệ; chưa có dữ liệu nào được ghi`, {
      rowCount,
      badRows,
      problems,
    });
  }
}

function differs(u: UnitRow, r: UnitImportRow): boolean {
  return (
    u.name !== r.name ||
    u.abbreviation !== r.abbreviation ||
    u.kind !== r.kind ||
    (u.email ?? null) !== (r.email ?? null)
  );
}
