import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Periodic reports: the indicator catalogue (seeded with DOMAIN §6), report content per report obligation,
 * immutable submitted versions, and `report_facts` — one row per (report, indicator) in the state the parent has
 * seen it (submitted or accepted). Rollups are computed on read from the facts and the unit closure: an accepted
 * child report shows in every ancestor's rollup at once, with no batch job.
 */
export class Reports1732420500000 implements MigrationInterface {
  name = 'Reports1732420500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE indicators (
        code text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,49}$'),
        name text NOT NULL,
        unit_of_measure text NOT NULL,
        aggregation text NOT NULL CHECK (aggregation IN ('sum','max','avg','last')),
        category text NOT NULL CHECK (category IN ('online','traditional','other')),
        value_type text NOT NULL CHECK (value_type IN ('integer','decimal')),
        active_from_year int NOT NULL DEFAULT 2000,
        active_to_year int,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      INSERT INTO indicators (code, name, unit_of_measure, aggregation, category, value_type) VALUES
        ('WEB_NEWS', 'Tin, bài về cải cách hành chính đăng trên trang thông tin điện tử của cơ quan, đơn vị', 'tin, bài', 'sum', 'online', 'integer'),
        ('PORTAL_NEWS', 'Tin, bài về cải cách hành chính đăng trên Cổng thông tin điện tử của tỉnh', 'tin, bài', 'sum', 'online', 'integer'),
        ('SOCIAL_POSTS', 'Tin, bài về cải cách hành chính đăng trên mạng xã hội (Zalo, Facebook…)', 'tin, bài', 'sum', 'online', 'integer'),
        ('VIDEO_CLIPS', 'Video clip, phóng sự tuyên truyền về cải cách hành chính', 'sản phẩm', 'sum', 'online', 'integer'),
        ('RADIO_ITEMS', 'Tin, bài về cải cách hành chính phát trên hệ thống truyền thanh', 'tin, bài', 'sum', 'traditional', 'integer'),
        ('TV_PROGRAMMES', 'Chương trình, chuyên mục về cải cách hành chính phát sóng trên phát thanh, truyền hình', 'chương trình', 'sum', 'traditional', 'integer'),
        ('PRESS_ARTICLES', 'Tin, bài về cải cách hành chính trên báo, tạp chí, bản tin', 'tin, bài', 'sum', 'traditional', 'integer'),
        ('CONFERENCES', 'Hội nghị, lớp tập huấn có nội dung tuyên truyền cải cách hành chính', 'buổi', 'sum', 'traditional', 'integer'),
        ('CONFERENCE_PARTICIPANTS', 'Người tham dự hội nghị, lớp tập huấn về cải cách hành chính', 'lượt người', 'sum', 'traditional', 'integer'),
        ('CONTESTS_HELD', 'Cuộc thi tìm hiểu về cải cách hành chính được tổ chức', 'cuộc thi', 'sum', 'traditional', 'integer'),
        ('CONTEST_PARTICIPANTS', 'Người tham gia các cuộc thi tìm hiểu về cải cách hành chính', 'lượt người', 'sum', 'traditional', 'integer'),
        ('BANNERS', 'Băng rôn, khẩu hiệu tuyên truyền cải cách hành chính', 'cái', 'sum', 'traditional', 'integer'),
        ('POSTERS_PANELS', 'Áp phích, pa nô tuyên truyền cải cách hành chính', 'cái', 'sum', 'traditional', 'integer'),
        ('LEAFLETS', 'Tờ rơi, tài liệu tuyên truyền cải cách hành chính được phát hành', 'tờ', 'sum', 'traditional', 'integer'),
        ('TTHC_POSTED', 'Thủ tục hành chính được niêm yết công khai tại trụ sở', 'thủ tục', 'last', 'traditional', 'integer'),
        ('BUDGET_SPENT', 'Kinh phí thực hiện thông tin, tuyên truyền cải cách hành chính', 'triệu đồng', 'sum', 'other', 'decimal')`);

    await q.query(`
      CREATE TABLE reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        obligation_id uuid NOT NULL REFERENCES obligations(id),
        unit_id uuid NOT NULL REFERENCES units(id),
        year int NOT NULL,
        period text NOT NULL CHECK (period IN ('Q1','H1','Q3','YEAR')),
        narrative jsonb NOT NULL DEFAULT '{}',
        submission_count int NOT NULL DEFAULT 0,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT reports_one_per_obligation UNIQUE (obligation_id)
      )`);
    await q.query(`CREATE INDEX reports_unit_idx ON reports (unit_id, year, period)`);
    await q.query(`
      CREATE TABLE report_values (
        report_id uuid NOT NULL REFERENCES reports(id),
        indicator_code text NOT NULL REFERENCES indicators(code),
        value numeric NOT NULL CHECK (value >= 0),
        PRIMARY KEY (report_id, indicator_code)
      )`);
    await q.query(`
      CREATE TABLE report_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        report_id uuid NOT NULL REFERENCES reports(id),
        version_no int NOT NULL CHECK (version_no > 0),
        content jsonb NOT NULL,
        submitted_at timestamptz NOT NULL,
        submitted_by text NOT NULL,
        decision text CHECK (decision IN ('approved','returned')),
        decided_at timestamptz,
        decided_by text,
        reason text,
        CONSTRAINT report_versions_once UNIQUE (report_id, version_no)
      )`);
    await q.query(`
      CREATE TABLE report_facts (
        report_id uuid NOT NULL REFERENCES reports(id),
        unit_id uuid NOT NULL REFERENCES units(id),
        year int NOT NULL,
        period text NOT NULL,
        indicator_code text NOT NULL REFERENCES indicators(code),
        value numeric NOT NULL,
        state text NOT NULL CHECK (state IN ('submitted','accepted')),
        PRIMARY KEY (report_id, indicator_code)
      )`);
    await q.query(
      `CREATE INDEX report_facts_rollup_idx ON report_facts (year, period, unit_id) INCLUDE (indicator_code, value, state)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['report_facts', 'report_versions', 'report_values', 'reports', 'indicators'])
      await q.query(`DROP TABLE ${t}`);
  }
}
