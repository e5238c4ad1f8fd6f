-- pgbench script: one single-row INSERT, committed on its own (pgbench runs each script as a transaction).
INSERT INTO raw_insert (payload) VALUES ('\x7b22737461747573223a224f4e5f545241434b227d'::bytea);
