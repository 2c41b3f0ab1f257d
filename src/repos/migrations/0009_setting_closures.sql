-- Days a setting is closed (term holidays, training days): a pathway's schedule and calendar put no step on them
-- for that setting's staff. Dates are whole UTC days, YYYY-MM-DD, first and last day both closed.
CREATE TABLE setting_closures (
  id TEXT PRIMARY KEY,
  setting_id TEXT NOT NULL REFERENCES orgs (id),
  label TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 80),
  starts_on TEXT NOT NULL CHECK (starts_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  ends_on TEXT NOT NULL CHECK (ends_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  CHECK (ends_on >= starts_on)
);
CREATE INDEX setting_closures_by_setting ON setting_closures (setting_id, starts_on);
