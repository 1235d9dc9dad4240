from briefgen.translate.glossary import load_glossary
from briefgen.translate.protect import Masked, mask, mask_quotes, placeholder, repair, unmask


def test_placeholders_are_letters_only_and_distinct():
    tokens = [placeholder(i) for i in range(60)]
    assert len(set(tokens)) == 60
    assert all(t.isalpha() and t.isupper() for t in tokens)


def test_names_acronyms_and_terms_are_masked():
    sentence = "Selon Rudy Atallah, le JNIM et l'AES menacent la Maison Blanche."
    masked = mask(sentence, load_glossary())
    assert masked.text == "Selon XKA, le XKB et l'XKC menacent la XKD."
    assert dict(masked.slots) == {
        "XKA": "Rudy Atallah",
        "XKB": "JNIM",
        "XKC": "Alliance of Sahel States (AES)",
        "XKD": "White House",
    }


def test_sentence_start_words_are_not_names():
    masked = mask("Les États-Unis et Le Mali signent.", load_glossary())
    assert masked.slots == ()


def test_parenthesised_acronym_is_not_expanded_twice():
    masked = mask("la Confédération des États du Sahel (AES) existe", load_glossary())
    assert dict(masked.slots)["XKB"] == "AES"


def test_unmask_restores_and_capitalises_at_start():
    masked = mask("lutte contre le terrorisme avec le JNIM", load_glossary())
    assert unmask("xka with the XKB", masked) == "Counterterrorism with the JNIM"


def test_unmask_rejects_lost_or_duplicated_placeholders():
    masked = mask("Rudy Atallah et le JNIM", load_glossary())
    assert unmask("XKA and the", masked) is None
    assert unmask("XKA and XKA XKB", masked) is None


def test_repair_restores_acronym_capitals_and_terms():
    source = "L'AQMI et le JNIM attaquent."
    assert repair("The Aqmi and the jnim attack.", source, load_glossary()) == "The AQIM and the JNIM attack."


def test_text_that_already_contains_a_placeholder_is_left_alone():
    masked = mask("Le code XKA du JNIM", load_glossary())
    assert masked.text == "Le code XKA du JNIM" and masked.slots == ()


def test_short_quotations_become_placeholders_the_sentence_does_not_hold():
    masked = mask_quotes("Le XKA salue le « dialogue » ainsi « renoué », « un dialogue politique franc et rénové ».")
    assert masked.text == "Le XKA salue le XKB ainsi XKC, « un dialogue politique franc et rénové »."
    assert masked.slots == (("XKB", "dialogue"), ("XKC", "renoué"))


def test_an_article_agrees_with_the_first_word_of_a_quotation():
    masked = Masked("une « lutte efficace »", "une XKA", (("XKA", "« effective fight »"),))
    assert unmask("a XKA", masked) == "an « effective fight »"
