-- "What changed between two dates" on the council pages reads the events recorded in a window of time: without an
-- index that is a scan of the whole event table. Axon writes time_stamp as ISO-8601 UTC with at least millisecond
-- digits (DateTimeUtils.formatInstant), so the text sorts as the instants do.
CREATE INDEX IF NOT EXISTS domain_event_entry_time_stamp ON domain_event_entry (time_stamp);
