import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Calls for applications and selection (issue 19): calls per cohort with their questions and weighted
 * criteria, the reviewers of each call, applications (drafts reached through hashed magic-link and
 * draft-session tokens), uploaded files (metadata here, bytes behind ApplicationFileStorage: the database
 * implementation keeps them in application_file_blobs), reviewer assignments with conflicts of interest,
 * reviews and their scores. Tenancy by composite foreign keys (organisation_id, …). The reviewer role
 * joins the memberships and invitations role checks.
 */
export class Applications1763772500000 implements MigrationInterface {
  name = 'Applications1763772500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['memberships', 'invitations']) {
      await queryRunner.query(`ALTER TABLE ${table} DROP CONSTRAINT ck_${table}_role`);
      await queryRunner.query(
        `ALTER TABLE ${table} ADD CONSTRAINT ck_${table}_role CHECK (role IN ('admin', 'manager', 'board', 'startup', 'reviewer'))`,
      );
    }

    await queryRunner.query(`
      CREATE TABLE application_calls (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        cohort_id uuid NOT NULL,
        slug varchar(80) NOT NULL CONSTRAINT ck_application_calls_slug CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        title_fr varchar(200) NOT NULL,
        title_en varchar(200) NOT NULL,
        description_fr text NOT NULL,
        description_en text NOT NULL,
        -- calendar dates in the organisation's time zone, both inclusive
        opens_on date NOT NULL,
        closes_on date NOT NULL,
        status varchar(8) NOT NULL DEFAULT 'draft' CONSTRAINT ck_application_calls_status CHECK (status IN ('draft', 'open', 'closed')),
        assignment_mode varchar(8) NOT NULL DEFAULT 'all' CONSTRAINT ck_application_calls_mode CHECK (assignment_mode IN ('all', 'balanced')),
        reviewers_per_application integer CONSTRAINT ck_application_calls_per CHECK (reviewers_per_application BETWEEN 1 AND 20),
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_application_calls_dates CHECK (closes_on >= opens_on),
        CONSTRAINT ck_application_calls_balanced CHECK (assignment_mode = 'all' OR reviewers_per_application IS NOT NULL),
        CONSTRAINT uq_application_calls_organisation_id UNIQUE (organisation_id, id),
        CONSTRAINT uq_application_calls_slug UNIQUE (organisation_id, slug),
        CONSTRAINT fk_application_calls_cohort FOREIGN KEY (organisation_id, cohort_id) REFERENCES cohorts (organisation_id, id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX ix_application_calls_cohort ON application_calls (cohort_id)`);

    await queryRunner.query(`
      CREATE TABLE application_questions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        call_id uuid NOT NULL,
        position integer NOT NULL,
        kind varchar(16) NOT NULL CONSTRAINT ck_application_questions_kind
          CHECK (kind IN ('short_text', 'long_text', 'single_choice', 'multiple_choice', 'number', 'file')),
        label_fr varchar(300) NOT NULL,
        label_en varchar(300) NOT NULL,
        help_fr varchar(1000),
        help_en varchar(1000),
        required boolean NOT NULL DEFAULT false,
        eligibility boolean NOT NULL DEFAULT false,
        options jsonb NOT NULL DEFAULT '[]',
        eligible_values jsonb NOT NULL DEFAULT '[]',
        max_length integer CONSTRAINT ck_application_questions_max_length CHECK (max_length BETWEEN 1 AND 20000),
        CONSTRAINT uq_application_questions_organisation_id UNIQUE (organisation_id, id),
        CONSTRAINT fk_application_questions_call FOREIGN KEY (organisation_id, call_id) REFERENCES application_calls (organisation_id, id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX ix_application_questions_call ON application_questions (call_id, position)`);

    await queryRunner.query(`
      CREATE TABLE application_criteria (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        call_id uuid NOT NULL,
        position integer NOT NULL,
        label_fr varchar(200) NOT NULL,
        label_en varchar(200) NOT NULL,
        description_fr varchar(1000),
        description_en varchar(1000),
        weight integer NOT NULL CONSTRAINT ck_application_criteria_weight CHECK (weight BETWEEN 1 AND 5),
        CONSTRAINT uq_application_criteria_organisation_id UNIQUE (organisation_id, id),
        CONSTRAINT fk_application_criteria_call FOREIGN KEY (organisation_id, call_id) REFERENCES application_calls (organisation_id, id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX ix_application_criteria_call ON application_criteria (call_id, position)`);

    // A reviewer of a call is a member of the call's organisation (composite key to memberships).
    await queryRunner.query(`
      CREATE TABLE application_call_reviewers (
        organisation_id uuid NOT NULL,
        call_id uuid NOT NULL,
        user_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (call_id, user_id),
        CONSTRAINT fk_application_call_reviewers_call FOREIGN KEY (organisation_id, call_id) REFERENCES application_calls (organisation_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_application_call_reviewers_member FOREIGN KEY (user_id, organisation_id) REFERENCES memberships (user_id, organisation_id) ON DELETE CASCADE
      )`);

    await queryRunner.query(`ALTER TABLE enrollments ADD CONSTRAINT uq_enrollments_organisation_id UNIQUE (organisation_id, id)`);
    await queryRunner.query(`
      CREATE TABLE applications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        call_id uuid NOT NULL,
        email varchar(254) NOT NULL CONSTRAINT ck_applications_email_lower CHECK (email = lower(email)),
        startup_name varchar(200) NOT NULL,
        siren char(9) CONSTRAINT ck_applications_siren CHECK (siren ~ '^[0-9]{9}$'),
        locale varchar(2) NOT NULL CONSTRAINT ck_applications_locale CHECK (locale IN ('fr', 'en')),
        status varchar(12) NOT NULL DEFAULT 'draft' CONSTRAINT ck_applications_status
          CHECK (status IN ('draft', 'submitted', 'in_review', 'shortlisted', 'pitch', 'decided')),
        answers jsonb NOT NULL DEFAULT '{}',
        submitted_at timestamptz,
        pitch_at timestamptz,
        decision varchar(8) CONSTRAINT ck_applications_decision CHECK (decision IN ('admit', 'reject', 'waitlist')),
        decided_at timestamptz,
        decided_by uuid REFERENCES users (id) ON DELETE SET NULL,
        startup_id uuid,
        enrollment_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_applications_decided CHECK ((status = 'decided') = (decision IS NOT NULL)),
        CONSTRAINT uq_applications_organisation_id UNIQUE (organisation_id, id),
        -- Tenant-safe like every link: the enrollment must be the organisation's; deleting it clears only enrollment_id.
        CONSTRAINT fk_applications_enrollment FOREIGN KEY (organisation_id, enrollment_id) REFERENCES enrollments (organisation_id, id) ON DELETE SET NULL (enrollment_id),
        CONSTRAINT fk_applications_call FOREIGN KEY (organisation_id, call_id) REFERENCES application_calls (organisation_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_applications_startup FOREIGN KEY (organisation_id, startup_id) REFERENCES startups (organisation_id, id) ON DELETE SET NULL (startup_id)
      )`);
    // Duplicates within a call: one application per e-mail, one per SIREN.
    await queryRunner.query(`CREATE UNIQUE INDEX uq_applications_call_email ON applications (call_id, email)`);
    await queryRunner.query(`CREATE UNIQUE INDEX uq_applications_call_siren ON applications (call_id, siren) WHERE siren IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX ix_applications_call_status ON applications (call_id, status, submitted_at)`);

    // Magic links (kind 'link', single use) and the short-lived draft sessions they are exchanged for; hashes only.
    await queryRunner.query(`
      CREATE TABLE application_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        application_id uuid NOT NULL,
        kind varchar(8) NOT NULL CONSTRAINT ck_application_tokens_kind CHECK (kind IN ('link', 'session')),
        token_hash char(64) NOT NULL CONSTRAINT uq_application_tokens_hash UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT fk_application_tokens_application FOREIGN KEY (organisation_id, application_id) REFERENCES applications (organisation_id, id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX ix_application_tokens_application ON application_tokens (application_id)`);

    await queryRunner.query(`
      CREATE TABLE application_file_blobs (
        storage_key varchar(200) PRIMARY KEY,
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        data bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await queryRunner.query(`
      CREATE TABLE application_files (
        organisation_id uuid NOT NULL,
        application_id uuid NOT NULL,
        question_id uuid NOT NULL,
        file_name varchar(255) NOT NULL,
        content_type varchar(100) NOT NULL,
        size_bytes integer NOT NULL CONSTRAINT ck_application_files_size CHECK (size_bytes BETWEEN 1 AND 10485760),
        storage_key varchar(200) NOT NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (application_id, question_id),
        CONSTRAINT fk_application_files_application FOREIGN KEY (organisation_id, application_id) REFERENCES applications (organisation_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_application_files_question FOREIGN KEY (organisation_id, question_id) REFERENCES application_questions (organisation_id, id) ON DELETE CASCADE
      )`);

    // A reviewer assigned to an application; a declared conflict of interest keeps the row (so the
    // assignment is not made again) and takes the reviewer off the application.
    await queryRunner.query(`
      CREATE TABLE application_assignments (
        organisation_id uuid NOT NULL,
        application_id uuid NOT NULL,
        reviewer_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        conflict_declared_at timestamptz,
        conflict_reason varchar(1000),
        PRIMARY KEY (application_id, reviewer_id),
        CONSTRAINT uq_application_assignments_tenant UNIQUE (organisation_id, application_id, reviewer_id),
        CONSTRAINT fk_application_assignments_application FOREIGN KEY (organisation_id, application_id) REFERENCES applications (organisation_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_application_assignments_member FOREIGN KEY (reviewer_id, organisation_id) REFERENCES memberships (user_id, organisation_id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX ix_application_assignments_reviewer ON application_assignments (organisation_id, reviewer_id)`);

    await queryRunner.query(`
      CREATE TABLE application_reviews (
        organisation_id uuid NOT NULL,
        application_id uuid NOT NULL,
        reviewer_id uuid NOT NULL,
        comment text CONSTRAINT ck_application_reviews_comment CHECK (length(comment) <= 5000),
        submitted_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (application_id, reviewer_id),
        CONSTRAINT uq_application_reviews_tenant UNIQUE (organisation_id, application_id, reviewer_id),
        CONSTRAINT fk_application_reviews_assignment FOREIGN KEY (organisation_id, application_id, reviewer_id) REFERENCES application_assignments (organisation_id, application_id, reviewer_id) ON DELETE CASCADE,
        CONSTRAINT fk_application_reviews_application FOREIGN KEY (organisation_id, application_id) REFERENCES applications (organisation_id, id) ON DELETE CASCADE
      )`);

    await queryRunner.query(`
      CREATE TABLE application_scores (
        organisation_id uuid NOT NULL,
        application_id uuid NOT NULL,
        reviewer_id uuid NOT NULL,
        criterion_id uuid NOT NULL,
        score integer NOT NULL CONSTRAINT ck_application_scores_score CHECK (score BETWEEN 1 AND 5),
        PRIMARY KEY (application_id, reviewer_id, criterion_id),
        CONSTRAINT fk_application_scores_review FOREIGN KEY (organisation_id, application_id, reviewer_id) REFERENCES application_reviews (organisation_id, application_id, reviewer_id) ON DELETE CASCADE,
        CONSTRAINT fk_application_scores_criterion FOREIGN KEY (organisation_id, criterion_id) REFERENCES application_criteria (organisation_id, id) ON DELETE CASCADE
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'application_scores',
      'application_reviews',
      'application_assignments',
      'application_files',
      'application_file_blobs',
      'application_tokens',
      'applications',
      'application_call_reviewers',
      'application_criteria',
      'application_questions',
      'application_calls',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    for (const table of ['memberships', 'invitations']) {
      await queryRunner.query(`ALTER TABLE ${table} DROP CONSTRAINT ck_${table}_role`);
      await queryRunner.query(`ALTER TABLE ${table} ADD CONSTRAINT ck_${table}_role CHECK (role IN ('admin', 'manager', 'board', 'startup'))`);
    }
    await queryRunner.query(`ALTER TABLE enrollments DROP CONSTRAINT uq_enrollments_organisation_id`);
  }
}
