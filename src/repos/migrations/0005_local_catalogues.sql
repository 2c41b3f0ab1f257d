-- A setting's or trust's own catalogue: every change (a module added, changed or retired; a session added, changed
-- or cancelled) writes the whole catalogue as the next numbered version, so recommendations that name a version
-- can be rebuilt exactly. Bookings on live sessions and the session plans leaders were offered.
CREATE TABLE local_catalogues (
  org_id TEXT NOT NULL REFERENCES orgs (id),
  version INTEGER NOT NULL CHECK (version >= 1),
  -- JSON { "modules": [...], "sessions": [...] }
  body TEXT NOT NULL,
  created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (org_id, version)
);

CREATE TRIGGER local_catalogues_immutable
BEFORE UPDATE ON local_catalogues
BEGIN
  SELECT RAISE(ABORT, 'catalogue versions are immutable: write the next version instead');
END;

-- Who is booked on a live session (session ids live in the catalogue body) and whether they attended.
CREATE TABLE session_attendees (
  org_id TEXT NOT NULL REFERENCES orgs (id),
  session_id TEXT NOT NULL,
  staff_id TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  attended_at TEXT,
  created_at TEXT NOT NULL,
  PRIMARY KEY (session_id, staff_id)
);
CREATE INDEX session_attendees_by_staff ON session_attendees (staff_id);
CREATE INDEX session_attendees_by_org ON session_attendees (org_id, session_id);

-- Proposed group sessions for a setting; accepting one turns its sessions into catalogue sessions with bookings.
CREATE TABLE session_plans (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES orgs (id),
  status TEXT NOT NULL CHECK (status IN ('proposed', 'accepted')),
  -- JSON: the availability and limits the leader gave.
  request TEXT NOT NULL,
  -- JSON: the proposed sessions and their figures.
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  accepted_at TEXT
);
CREATE INDEX session_plans_by_org ON session_plans (org_id, created_at);
