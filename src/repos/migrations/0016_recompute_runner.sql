-- Which run of a recompute job wrote its last chunk. Two runs of one job can overlap (the admin command beside the
-- server's own run, a resume on another Workers isolate, the background continuation): each chunk now advances the
-- job only from the cursor its run read, and names the run. A run whose chunk lost that race writes nothing, finds
-- another run's name on the job and stops, so no person is counted twice.
ALTER TABLE recompute_jobs ADD COLUMN runner TEXT;
