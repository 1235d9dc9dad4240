from briefgen.model import EngineInfo
from briefgen.translate.cache import TranslationCache

ENGINE = EngineInfo("argos", "1.12", "fr-en 1.9")


def test_round_trip_and_key_parts(tmp_path):
    path = tmp_path / "sub" / "cache.sqlite"
    with TranslationCache(path) as cache:
        cache.put_many(ENGINE, "g1", {"Bonjour.": "Hello.", "Merci.": "Thanks."})
    with TranslationCache(path) as cache:
        assert cache.get_many(ENGINE, "g1", ["Bonjour.", "Merci.", "Autre."]) == {"Bonjour.": "Hello.", "Merci.": "Thanks."}
        assert cache.get_many(ENGINE, "g2", ["Bonjour."]) == {}
        assert cache.get_many(EngineInfo("argos", "1.12", "fr-en 2.0"), "g1", ["Bonjour."]) == {}
        assert cache.get_many(EngineInfo("apertium", "3.8", "fr-en 1.9"), "g1", ["Bonjour."]) == {}
        assert cache.recovered_from is None


def test_many_lookups_in_one_call(tmp_path):
    pairs = {f"phrase {i}": f"sentence {i}" for i in range(1200)}
    with TranslationCache(tmp_path / "c.sqlite") as cache:
        cache.put_many(ENGINE, "g", pairs)
        assert cache.get_many(ENGINE, "g", list(pairs)) == pairs


def test_garbage_file_is_moved_aside_and_rebuilt(tmp_path):
    path = tmp_path / "cache.sqlite"
    path.write_bytes(b"\x00garbage, not sqlite\xff" * 200)
    with TranslationCache(path) as cache:
        assert cache.recovered_from == tmp_path / "cache.sqlite.corrupt"
        cache.put_many(ENGINE, "g", {"a": "b"})
        assert cache.get_many(ENGINE, "g", ["a"]) == {"a": "b"}
    assert (tmp_path / "cache.sqlite.corrupt").read_bytes().startswith(b"\x00garbage")


def test_second_corruption_keeps_the_first_copy(tmp_path):
    path = tmp_path / "cache.sqlite"
    (tmp_path / "cache.sqlite.corrupt").write_bytes(b"old")
    path.write_bytes(b"junk" * 100)
    with TranslationCache(path) as cache:
        assert cache.recovered_from == tmp_path / "cache.sqlite.corrupt-2"
