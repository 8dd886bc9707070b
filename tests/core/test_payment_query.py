"""The payments list's orders: an id list sorted once gives the rows every page read would."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from suining_desk.db.models import Area
from suining_desk.domain.cancel import Cancelled
from suining_desk.services.payment_query import (
    PaymentColumn,
    PaymentFilter,
    payment_ids,
    payment_page,
    payment_rows,
)


@pytest.mark.parametrize("column", list(PaymentColumn))
def test_the_id_list_is_the_paged_order(small_demo: Path, column: PaymentColumn) -> None:
    town = Area.get(Area.name == "长铺镇").id
    for f in (PaymentFilter(), PaymentFilter(area_id=town, year=2018)):
        for descending in (False, True):
            paged = [r.id for r in payment_page(f, column, descending, limit=100_000)]
            ids = payment_ids(f, column, descending)
            assert list(ids) == paged and len(paged) > 100
            assert [r.id for r in payment_rows(ids[50:250])] == paged[50:250]


def test_a_cancelled_sort_stops_with_cancelled(small_demo: Path) -> None:
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        payment_ids(PaymentFilter(), PaymentColumn.PAYEE, cancel=cancel)
    assert len(payment_ids(PaymentFilter(), PaymentColumn.PAYEE, cancel=threading.Event())) > 100  # handler gone
