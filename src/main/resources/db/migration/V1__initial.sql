-- CourseDesk local store, schema 1. One file per account (accounts/<dir>/store.db).
-- Instants are INTEGER milliseconds since the epoch, UTC, everywhere: they sort and
-- compare as numbers and need no parsing. Enum values are stored as the contract's wire
-- names. Booleans are 0/1.

-- Which account this file belongs to: checked on open, so one account never reads
-- another's records even if files are copied around.
CREATE TABLE store_info (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    account_id TEXT,
    created_at INTEGER NOT NULL
);
INSERT INTO store_info (id, account_id, created_at)
VALUES (1, NULL, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));

-- The outbox of learner actions and, since rows are never deleted, the learner's
-- permanent action history. A refund targets a purchase; cancel and restart a subscription.
CREATE TABLE actions (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    kind            TEXT    NOT NULL CHECK (kind IN ('cancel', 'restart', 'refund')),
    target_type     TEXT    NOT NULL CHECK (target_type IN ('purchase', 'subscription')),
    target_id       TEXT    NOT NULL,
    idempotency_key TEXT    NOT NULL UNIQUE,
    request_json    TEXT    NOT NULL,
    state           TEXT    NOT NULL DEFAULT 'pending'
                            CHECK (state IN ('pending', 'sending', 'confirmed', 'refused', 'failed')),
    created_at      INTEGER NOT NULL,
    sent_at         INTEGER,
    answered_at     INTEGER,
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT,
    server_status   INTEGER,
    server_code     TEXT,
    server_detail   TEXT,
    result_json     TEXT,
    server_time     INTEGER,
    CHECK ((kind = 'refund') = (target_type = 'purchase'))
);
CREATE INDEX idx_actions_state_id ON actions (state, id);
CREATE INDEX idx_actions_created ON actions (created_at, id);
CREATE INDEX idx_actions_target ON actions (target_type, target_id);

-- rid is an explicit INTEGER PRIMARY KEY (a rowid alias) because the full-text index
-- refers to rows by rowid, and VACUUM may renumber implicit rowids. id is the server's.
CREATE TABLE purchases (
    rid               INTEGER PRIMARY KEY,
    id                TEXT    NOT NULL UNIQUE,
    kind              TEXT    NOT NULL,
    product_id        TEXT    NOT NULL,
    product_title     TEXT    NOT NULL,
    product_type      TEXT    NOT NULL,
    product_partner   TEXT    NOT NULL,
    subscription_id   TEXT,
    amount_minor      INTEGER NOT NULL,
    amount_currency   TEXT    NOT NULL,
    tax_minor         INTEGER NOT NULL,
    tax_currency      TEXT    NOT NULL,
    total_minor       INTEGER NOT NULL,
    total_currency    TEXT    NOT NULL,
    channel           TEXT    NOT NULL,
    status            TEXT    NOT NULL,
    purchased_at      INTEGER NOT NULL,
    refunded_at       INTEGER,
    refundable_until  INTEGER,
    receipt_number    TEXT    NOT NULL,
    payment_type      TEXT    NOT NULL CHECK (payment_type IN ('card', 'paypal')),
    card_brand        TEXT,
    card_last4        TEXT,
    paypal_email      TEXT,
    updated_at        INTEGER NOT NULL,
    version           INTEGER NOT NULL,
    -- Title, partner and receipt number folded for search: compatibility-decomposed,
    -- Latin/Greek/Cyrillic diacritics removed, case-folded (see SearchText.fold).
    search_text       TEXT    NOT NULL,
    pending_action_id INTEGER REFERENCES actions (id)
);
CREATE INDEX idx_purchases_purchased_at ON purchases (purchased_at, id);
CREATE INDEX idx_purchases_status ON purchases (status, purchased_at);
CREATE INDEX idx_purchases_type ON purchases (product_type, purchased_at);
CREATE INDEX idx_purchases_channel ON purchases (channel, purchased_at);
CREATE INDEX idx_purchases_subscription ON purchases (subscription_id) WHERE subscription_id IS NOT NULL;
CREATE INDEX idx_purchases_pending ON purchases (pending_action_id) WHERE pending_action_id IS NOT NULL;
-- The year filter is a half-open range on purchased_at in the learner's time zone, so
-- idx_purchases_purchased_at serves it; a stored UTC year would be wrong near New Year.

-- Substring search over search_text. The trigram tokenizer matches any run of three or
-- more characters (partial receipt numbers, words inside CJK titles that have no spaces);
-- shorter terms fall back to LIKE on purchases.search_text. Accents and case are already
-- folded in search_text (the tokenizer's own remove_diacritics would only add ~25% to the
-- cost of indexing). Contentless, with deletes allowed, because the text already lives in
-- purchases.
CREATE VIRTUAL TABLE purchase_search USING fts5 (
    search_text,
    content = '',
    contentless_delete = 1,
    tokenize = 'trigram'
);
CREATE TRIGGER purchases_search_insert AFTER INSERT ON purchases BEGIN
    INSERT INTO purchase_search (rowid, search_text) VALUES (new.rid, new.search_text);
END;
CREATE TRIGGER purchases_search_delete AFTER DELETE ON purchases BEGIN
    DELETE FROM purchase_search WHERE rowid = old.rid;
END;
CREATE TRIGGER purchases_search_update AFTER UPDATE OF search_text ON purchases
    WHEN new.search_text IS NOT old.search_text BEGIN
    DELETE FROM purchase_search WHERE rowid = old.rid;
    INSERT INTO purchase_search (rowid, search_text) VALUES (new.rid, new.search_text);
END;

CREATE TABLE subscriptions (
    id                    TEXT    PRIMARY KEY NOT NULL,
    product_id            TEXT    NOT NULL,
    product_title         TEXT    NOT NULL,
    product_type          TEXT    NOT NULL,
    product_partner       TEXT    NOT NULL,
    plan_id               TEXT    NOT NULL,
    plan_interval         TEXT    NOT NULL,
    plan_price_minor      INTEGER NOT NULL,
    plan_price_currency   TEXT    NOT NULL,
    channel               TEXT    NOT NULL,
    status                TEXT    NOT NULL,
    started_at            INTEGER NOT NULL,
    trial_ends_at         INTEGER,
    current_period_start  INTEGER NOT NULL,
    current_period_end    INTEGER NOT NULL,
    cancel_at_period_end  INTEGER NOT NULL CHECK (cancel_at_period_end IN (0, 1)),
    canceled_at           INTEGER,
    ended_at              INTEGER,
    next_payment_at       INTEGER,
    next_payment_minor    INTEGER,
    next_payment_currency TEXT,
    deadlines_reset_at    INTEGER,
    updated_at            INTEGER NOT NULL,
    version               INTEGER NOT NULL,
    pending_action_id     INTEGER REFERENCES actions (id),
    CHECK ((next_payment_minor IS NULL) = (next_payment_currency IS NULL))
);
CREATE INDEX idx_subscriptions_status ON subscriptions (status);
CREATE INDEX idx_subscriptions_pending ON subscriptions (pending_action_id) WHERE pending_action_id IS NOT NULL;

-- Where sync stands. One row. cursor is null before the first sync and during a full pass
-- until its first page is applied.
CREATE TABLE sync_state (
    id                        INTEGER PRIMARY KEY CHECK (id = 1),
    cursor                    TEXT,
    last_full_sync_started_at INTEGER,
    last_success_server_time  INTEGER,
    last_success_at           INTEGER,
    full_pass_in_progress     INTEGER NOT NULL DEFAULT 0 CHECK (full_pass_in_progress IN (0, 1))
);
INSERT INTO sync_state (id) VALUES (1);

-- Records returned during a full pass (after 410 cursor_expired); at its end, local
-- records missing from here were deleted on the server while our cursor was stale.
CREATE TABLE full_pass_seen (
    record_type TEXT NOT NULL CHECK (record_type IN ('purchase', 'subscription')),
    id          TEXT NOT NULL,
    PRIMARY KEY (record_type, id)
) WITHOUT ROWID;
