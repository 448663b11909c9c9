-- CourseDesk local store, schema 2: the first full pass is a bulk load.
--
-- The first full pass fills an empty store with the whole history (100,000 purchases and
-- more). Kept up to date row by row, the search index and the secondary indexes of
-- purchases cost most of that pass: rows arrive in the server's order, so each page's
-- 1,000 rows land all over every index, and every page's commit rewrites nearly every page
-- of every index (measured: 10 s of writes for 100,000 purchases, against 1.4 s with the
-- indexes built once at the end). So, as one loads any big table, a full pass that starts
-- on an empty store leaves them out and builds them once when it ends (SyncStateDao).
--
-- bulk_load = 1 while such a pass runs: the search triggers below do nothing (the pass
-- fills purchase_search from purchases in one statement at its end), and the secondary
-- indexes of purchases are dropped, their definitions kept in deferred_indexes so that
-- exactly what the migrations defined is created again. An interrupted bulk load resumes
-- with the next sync. While it runs, searches fall back to LIKE (PurchaseDao).
ALTER TABLE sync_state ADD COLUMN bulk_load INTEGER NOT NULL DEFAULT 0 CHECK (bulk_load IN (0, 1));

CREATE TABLE deferred_indexes (
    name TEXT PRIMARY KEY NOT NULL,
    sql  TEXT NOT NULL
);

DROP TRIGGER purchases_search_insert;
DROP TRIGGER purchases_search_delete;
DROP TRIGGER purchases_search_update;
CREATE TRIGGER purchases_search_insert AFTER INSERT ON purchases
    WHEN NOT EXISTS (SELECT 1 FROM sync_state WHERE id = 1 AND bulk_load = 1) BEGIN
    INSERT INTO purchase_search (rowid, search_text) VALUES (new.rid, new.search_text);
END;
CREATE TRIGGER purchases_search_delete AFTER DELETE ON purchases
    WHEN NOT EXISTS (SELECT 1 FROM sync_state WHERE id = 1 AND bulk_load = 1) BEGIN
    DELETE FROM purchase_search WHERE rowid = old.rid;
END;
CREATE TRIGGER purchases_search_update AFTER UPDATE OF search_text ON purchases
    WHEN new.search_text IS NOT old.search_text
     AND NOT EXISTS (SELECT 1 FROM sync_state WHERE id = 1 AND bulk_load = 1) BEGIN
    DELETE FROM purchase_search WHERE rowid = old.rid;
    INSERT INTO purchase_search (rowid, search_text) VALUES (new.rid, new.search_text);
END;

-- A count of the changes to purchases, so that a screen asked to reload (every sync pass
-- ends with such a request, also one that brought nothing, or went offline) can tell that
-- nothing changed and skip reading 100,000 rows again. A bulk load counts once, at its end.
ALTER TABLE store_info ADD COLUMN purchases_generation INTEGER NOT NULL DEFAULT 0;
CREATE TRIGGER purchases_generation_insert AFTER INSERT ON purchases
    WHEN NOT EXISTS (SELECT 1 FROM sync_state WHERE id = 1 AND bulk_load = 1) BEGIN
    UPDATE store_info SET purchases_generation = purchases_generation + 1 WHERE id = 1;
END;
CREATE TRIGGER purchases_generation_update AFTER UPDATE ON purchases
    WHEN NOT EXISTS (SELECT 1 FROM sync_state WHERE id = 1 AND bulk_load = 1) BEGIN
    UPDATE store_info SET purchases_generation = purchases_generation + 1 WHERE id = 1;
END;
CREATE TRIGGER purchases_generation_delete AFTER DELETE ON purchases
    WHEN NOT EXISTS (SELECT 1 FROM sync_state WHERE id = 1 AND bulk_load = 1) BEGIN
    UPDATE store_info SET purchases_generation = purchases_generation + 1 WHERE id = 1;
END;

-- The status, type and channel indexes go. The Purchases screen now filters a snapshot of the
-- history in memory (PurchaseHistoryService); what still filters in SQL (the command line,
-- Upcoming's paid web purchases) picks values that most purchases have, where a scan of the
-- table in date order is as fast as the index or faster, and every index costs each write
-- and the end of every bulk load. purchased_at's index stays: it orders every read.
DROP INDEX idx_purchases_status;
DROP INDEX idx_purchases_type;
DROP INDEX idx_purchases_channel;
