"""Bookmark names that anchor translated items: valid for Word, and carrying their French's identity."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from briefgen.anchors import KINDS, Anchor, anchor_name, fr_hash, parse_anchor

# ECMA-376 and Word: at most 40 characters, letters, digits and underscores, starting with a letter.
WORD_BOOKMARK = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,39}")


@given(st.sampled_from(sorted(KINDS)), st.text(min_size=1), st.integers(min_value=1, max_value=999))
def test_names_are_valid_word_bookmarks_and_parse_back(kind: str, fr: str, occurrence: int):
    name = anchor_name(kind, fr, occurrence)
    assert WORD_BOOKMARK.fullmatch(name)
    assert parse_anchor(name) == Anchor(kind, fr_hash(fr))


def test_the_identity_ignores_spacing_only():
    assert fr_hash("Le JNIM  a attaqué\nBamako.") == fr_hash("Le JNIM a attaqué Bamako.")
    assert fr_hash("Le JNIM a attaqué Bamako.") != fr_hash("Le JNIM a attaqué Kayes.")
    assert fr_hash("lone \ud800 surrogate") != fr_hash("lone  surrogate")  # a broken source still has an identity


def test_other_bookmarks_are_not_anchors():
    assert [parse_anchor(n) for n in ("pt_3", "src_1", "_GoBack", "bgx_0123456789abcdef", "bgp_0123")] == [None] * 5
