"""The hit rule the peer tests and the benchmarks share (benchmarks/hit_rules.py), on made-up items."""

from __future__ import annotations

import pytest

from benchmarks.hit_rules import Money, money_matches


def _family(value: float, family: str) -> dict:
    return {"span_text": "", "value": value, "unit": None, "currency_family": family}


@pytest.mark.parametrize(
    "item, found",
    [
        (_family(3, "dime"), Money(3, None)),            # counted in coins, as quantulum3 writes it
        (_family(3, "dime"), Money(0.3, "USD")),         # the coins' worth, as duckling writes it
        (_family(3, "dime"), Money(0.3, "CAD")),
        (_family(1, "penny"), Money(0.01, "GBP")),
        (_family(100, "cent"), Money(1, "EUR")),
        (_family(2, "dollar"), Money(2, "AUD")),
    ],
)
def test_a_coin_family_is_found_as_coins_or_as_their_worth(item: dict, found: Money) -> None:
    assert money_matches(item, found)


@pytest.mark.parametrize(
    "item, found",
    [
        (_family(3, "dime"), Money(0.3, "EUR")),         # no euro coin is a dime
        (_family(3, "dime"), Money(3, "USD")),           # three dollars are not three dimes
        (_family(3, "dime"), Money(0.4, "USD")),
        (_family(1, "penny"), Money(0.01, "JPY")),
        (_family(2, "dollar"), Money(0.02, "USD")),      # only coins are counted so
    ],
)
def test_other_values_and_currencies_miss(item: dict, found: Money) -> None:
    assert not money_matches(item, found)
