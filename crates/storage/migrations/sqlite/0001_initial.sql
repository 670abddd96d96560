-- blma schema, SQLite flavour. Keep in step with ../postgres/0001_initial.sql: same tables, columns
-- and constraints; only the types differ. Timestamps are UTC epoch milliseconds (INTEGER), booleans
-- 0/1, JSON is TEXT: the only kinds sqlx's `Any` driver carries on both backends.

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    email         TEXT    NOT NULL,
    -- Lower-cased in Rust (Unicode-aware, unlike SQLite's lower()): the uniqueness key.
    email_key     TEXT    NOT NULL UNIQUE,
    display_name  TEXT    NOT NULL,
    role          TEXT    NOT NULL CHECK (role IN ('admin', 'analyst', 'viewer')),
    password_hash TEXT    NOT NULL,
    disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at    INTEGER NOT NULL
);

CREATE TABLE sessions (
    -- SHA-256 of the token the client holds: a database leak does not leak live sessions.
    token_hash TEXT    PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id),
    csrf_token TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_expires_at ON sessions (expires_at);
CREATE INDEX sessions_user_id ON sessions (user_id);

-- What the library lists and filters on. The bytes live in agreement_contents so that listing never
-- reads them.
CREATE TABLE agreements (
    id                  INTEGER PRIMARY KEY,
    sha256              TEXT    NOT NULL UNIQUE,
    file_name           TEXT    NOT NULL,
    media_type          TEXT    NOT NULL,
    format              TEXT    NOT NULL,
    size_bytes          INTEGER NOT NULL,
    title               TEXT,
    language            TEXT    NOT NULL,
    parties             TEXT    NOT NULL, -- JSON array of strings
    date_signed         TEXT,
    year_signed         INTEGER,
    kind                TEXT    NOT NULL,
    -- Lower-cased parties and title, for substring filters that behave alike on both backends.
    search_key          TEXT    NOT NULL,
    catalogue_treaty_id TEXT,
    uploaded_by         INTEGER REFERENCES users (id),
    created_at          INTEGER NOT NULL
);
CREATE INDEX agreements_created_at ON agreements (created_at);
CREATE INDEX agreements_year_signed ON agreements (year_signed);

CREATE TABLE agreement_contents (
    agreement_id  INTEGER PRIMARY KEY REFERENCES agreements (id),
    original      BLOB    NOT NULL,
    document_json TEXT    NOT NULL,
    text          TEXT    NOT NULL
);

CREATE TABLE assessments (
    id             INTEGER PRIMARY KEY,
    agreement_id   INTEGER NOT NULL REFERENCES agreements (id),
    engine_version TEXT    NOT NULL,
    rubric_version INTEGER NOT NULL,
    mode           TEXT    NOT NULL,
    item_count     INTEGER NOT NULL,
    assessment     TEXT    NOT NULL, -- the Assessment as JSON
    created_at     INTEGER NOT NULL
);
CREATE INDEX assessments_agreement_id ON assessments (agreement_id, id);

CREATE TABLE decisions (
    id            INTEGER PRIMARY KEY,
    agreement_id  INTEGER NOT NULL REFERENCES agreements (id),
    assessment_id INTEGER NOT NULL REFERENCES assessments (id),
    rubric_item   TEXT    NOT NULL,
    verdict       TEXT    NOT NULL CHECK (verdict IN ('provides', 'contradicts', 'silent')),
    note          TEXT    NOT NULL,
    author_id     INTEGER NOT NULL REFERENCES users (id),
    created_at    INTEGER NOT NULL
);
CREATE INDEX decisions_agreement_item ON decisions (agreement_id, rubric_item, id);

-- Reviewer decisions are an audit trail: the database refuses to change or remove one.
CREATE TRIGGER decisions_no_update BEFORE UPDATE ON decisions
BEGIN
    SELECT RAISE(ABORT, 'decisions are append-only');
END;
CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions
BEGIN
    SELECT RAISE(ABORT, 'decisions are append-only');
END;
