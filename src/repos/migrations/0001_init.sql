-- Evidence sets, panel judgements and stored recommendations (replayable by id).
CREATE TABLE evidence_sets (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'published', 'superseded')),
  based_on TEXT REFERENCES evidence_sets (id),
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  published_at TEXT,
  superseded_at TEXT
);
-- Exactly one published (current) set at a time.
CREATE UNIQUE INDEX evidence_sets_one_current ON evidence_sets (status) WHERE status = 'published';
CREATE UNIQUE INDEX evidence_sets_version ON evidence_sets (version);

CREATE TABLE judgements (
  id TEXT PRIMARY KEY,
  evidence_set_id TEXT NOT NULL REFERENCES evidence_sets (id) ON DELETE CASCADE,
  expert TEXT NOT NULL,
  weight REAL NOT NULL DEFAULT 1,
  body TEXT NOT NULL,
  submitted_at TEXT NOT NULL
);
CREATE INDEX judgements_by_set ON judgements (evidence_set_id);

CREATE TABLE recommendations (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  evidence_set_id TEXT NOT NULL REFERENCES evidence_sets (id),
  input_hash TEXT NOT NULL,
  request TEXT NOT NULL,
  response TEXT NOT NULL
);
CREATE INDEX recommendations_by_set ON recommendations (evidence_set_id);
