-- Why a shop was suspended: shown to its staff and kept for the platform's records.
ALTER TABLE kameng.tenant ADD COLUMN status_reason text CHECK (length(status_reason) <= 500);
