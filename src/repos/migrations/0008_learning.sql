-- Population learning counts each observation once, whatever channel it came through (a web or API check-in, an
-- xAPI statement with a result): one row per person and module that has contributed observations, and observation
-- inserts that only run while that row is absent. Erasing the person removes the row; observations stay de-identified.
CREATE TABLE observation_contributions (
  staff_id TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  module_id TEXT NOT NULL,
  PRIMARY KEY (staff_id, module_id)
) WITHOUT ROWID;

-- Which kind of channel an observation came through ('checkin' or 'xapi'), for the learning report.
ALTER TABLE module_observations ADD COLUMN channel TEXT NOT NULL DEFAULT 'checkin';
