-- Recompute after a publish: a job re-plans every person's latest stored pathway under one evidence set, in chunks.
-- Each chunk writes its plans and advances the job's cursor in one atomic write, so a job stopped at any moment
-- (even kill -9) resumes after the last whole chunk with nothing half-written.
CREATE TABLE recompute_jobs (
  id TEXT PRIMARY KEY,
  evidence_set_id TEXT NOT NULL REFERENCES evidence_sets (id),
  status TEXT NOT NULL CHECK (status IN ('running', 'completed')),
  -- People with a stored pathway when the job started, and how many have a plan under the set so far.
  total INTEGER NOT NULL,
  done INTEGER NOT NULL DEFAULT 0,
  -- The last staff id planned (staff are planned in id order); NULL before the first chunk.
  cursor TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  finished_at TEXT
);
-- At most one job runs at a time.
CREATE UNIQUE INDEX recompute_jobs_one_running ON recompute_jobs (status) WHERE status = 'running';

-- Each person's latest pathway re-planned under a newer set: the inputs stay in the pathway it names, and the set
-- id with the ordered module ids is enough for the full explained response to be re-derived exactly (the engine is
-- deterministic), so a plan costs a few hundred bytes rather than a stored response.
CREATE TABLE pathway_plans (
  staff_id TEXT PRIMARY KEY REFERENCES staff (id) ON DELETE CASCADE,
  pathway_id TEXT NOT NULL,
  job_id TEXT NOT NULL,
  evidence_set_id TEXT NOT NULL,
  algorithm_version TEXT NOT NULL,
  input_hash TEXT NOT NULL,
  -- Comma-separated module ids in step order.
  module_ids TEXT NOT NULL,
  total_minutes INTEGER NOT NULL,
  created_at TEXT NOT NULL
) WITHOUT ROWID;
