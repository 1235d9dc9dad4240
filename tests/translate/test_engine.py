from briefgen.translate.engine import chunks


def test_chunks_cover_everything_in_order():
    assert list(chunks([1, 2, 3, 4, 5], 2)) == [[1, 2], [3, 4], [5]]


def test_chunks_of_nothing_and_bad_size():
    assert list(chunks([], 3)) == []
    assert list(chunks(["a", "b"], 0)) == [["a"], ["b"]]
