-- Evidence panel workflow: the stored aggregation report, one submission per expert per draft, and guards that
-- keep published and superseded sets immutable and accept judgements only for drafts (whatever code path writes).
ALTER TABLE evidence_sets ADD COLUMN aggregation TEXT;

CREATE UNIQUE INDEX judgements_one_per_expert ON judgements (evidence_set_id, expert);

CREATE TRIGGER evidence_sets_immutable
BEFORE UPDATE OF id, version, body, based_on, aggregation ON evidence_sets
WHEN OLD.status <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'evidence set is not a draft: published and superseded sets are immutable');
END;

CREATE TRIGGER evidence_sets_status_forward
BEFORE UPDATE OF status ON evidence_sets
WHEN NOT (
  (OLD.status = 'draft' AND NEW.status IN ('draft', 'published'))
  OR (OLD.status = 'published' AND NEW.status IN ('published', 'superseded'))
  OR (OLD.status = 'superseded' AND NEW.status = 'superseded')
)
BEGIN
  SELECT RAISE(ABORT, 'evidence set status only moves forward: draft, published, superseded');
END;

CREATE TRIGGER judgements_on_drafts_only
BEFORE INSERT ON judgements
WHEN (SELECT status FROM evidence_sets WHERE id = NEW.evidence_set_id) IS NOT 'draft'
BEGIN
  SELECT RAISE(ABORT, 'evidence set is not a draft: judgements are accepted only for drafts');
END;
