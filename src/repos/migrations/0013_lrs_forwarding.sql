-- Forwarding xAPI statements to an organisation's own learning record store: a destination is a row of
-- webhook_endpoints of kind 'lrs' (its url is the LRS's xAPI endpoint, its events ["xapi.statement"], no signing
-- secret) with the Basic credentials the LRS gave, so messages use the same outbox, retries and delivery log.
ALTER TABLE webhook_endpoints ADD COLUMN kind TEXT NOT NULL DEFAULT 'webhook' CHECK (kind IN ('webhook', 'lrs'));
ALTER TABLE webhook_endpoints ADD COLUMN basic_auth TEXT;
