"""Answers kept for the next identical request: the graph does not change while it is served.

A query's reply depends only on its text, its bound parameters and the format asked for, and a
page's on its path and format; so the server keeps the most recent ones (least recently used
first out) up to a byte budget, and answers a repeat without a worker — the way the Wikidata
Query Service's front cache does, without its expiry, since the data cannot change under a
running server. Only successful replies of at most ``largest`` bytes are kept.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Generic, TypeVar

V = TypeVar("V")


class ReplyCache(Generic[V]):
    """A least-recently-used map with a budget in bytes."""

    def __init__(self, budget: int = 64 << 20, largest: int = 1 << 20):
        self.budget, self.largest = budget, largest
        self.size = 0
        self.hits = self.misses = 0
        self._items: OrderedDict[object, tuple[V, int]] = OrderedDict()

    def get(self, key: object) -> V | None:
        """The value kept for ``key``, or None."""
        found = self._items.get(key)
        if found is None:
            self.misses += 1
            return None
        self._items.move_to_end(key)
        self.hits += 1
        return found[0]

    def put(self, key: object, value: V, size: int) -> None:
        """Keep ``value`` (``size`` bytes) unless it is larger than ``largest``."""
        if size > self.largest or self.budget <= 0:
            return
        if key in self._items:
            self.size -= self._items.pop(key)[1]
        self._items[key] = (value, size)
        self.size += size
        while self.size > self.budget and self._items:
            _, (_, dropped) = self._items.popitem(last=False)
            self.size -= dropped

    def __len__(self) -> int:
        return len(self._items)
