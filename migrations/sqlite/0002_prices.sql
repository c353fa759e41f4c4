-- model_prices: prices added at run time (`recondo pricing add`) on top of the embedded price list
-- and the override file (data/pricing). Governance data, so mutable: a wrong price is deleted and
-- added again. Captured turns never change: a turn whose model had no price at capture keeps a
-- NULL cost_micros, and readers price it from its stored usage and these rows (data.API).
-- Rates are INTEGER micro-dollars per 1M tokens; a NULL cache rate was not published.
CREATE TABLE model_prices (
    id                             TEXT PRIMARY KEY,
    provider                       TEXT NOT NULL,
    model                          TEXT NOT NULL,
    effective_from                 INTEGER NOT NULL, -- a UTC midnight: prices change per day
    input_micros_per_mtok          INTEGER NOT NULL CHECK (input_micros_per_mtok >= 0),
    cache_read_micros_per_mtok     INTEGER CHECK (cache_read_micros_per_mtok >= 0),
    cache_write_5m_micros_per_mtok INTEGER CHECK (cache_write_5m_micros_per_mtok >= 0),
    cache_write_1h_micros_per_mtok INTEGER CHECK (cache_write_1h_micros_per_mtok >= 0),
    output_micros_per_mtok         INTEGER NOT NULL CHECK (output_micros_per_mtok >= 0),
    source                         TEXT NOT NULL DEFAULT '',
    created_at                     INTEGER NOT NULL,
    UNIQUE (provider, model, effective_from)
) STRICT;

-- Readers price the turns captured without a price at read time; this index holds only those, so
-- finding them costs nothing when there are none.
CREATE INDEX turns_unpriced ON turns (started_at) WHERE cost_micros IS NULL;
