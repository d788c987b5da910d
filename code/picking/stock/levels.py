"""Stock levels for the storefront and for checkout."""

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

# Stock read from the replica may be this old before we stop trusting it. A paused WAL
# replay once served stock levels 47 minutes old (INC-2025-013).
MAX_REPLICA_LAG = timedelta(seconds=30)


@dataclass
class StockLevel:
    sku: str
    store: str
    units: int
    as_of: datetime


def stock_for_listing(replica, primary, sku, store):
    """Listings may read the replica, unless it has fallen behind."""
    lag = replica.replay_lag()
    if lag is None or lag > MAX_REPLICA_LAG:
        # Fall back to the primary rather than sell what is gone; see INC-2025-013.
        return primary.stock(sku, store)
    return replica.stock(sku, store)


def stock_for_checkout(primary, sku, store):
    # Checkout always reads its own writes from the primary (ADR 0007, after INC-2025-013).
    return primary.stock(sku, store)


def weight_in_kilograms(grams):
    # The offline sync path wrote grams into a kilogram column during INC-2024-028;
    # convert once, here, and nowhere else.
    return grams / 1000.0


def is_fresh(level, now=None):
    now = now or datetime.now(timezone.utc)
    return now - level.as_of <= MAX_REPLICA_LAG
