"""An article's own outlet, from the text: a statement given TO an outlet is its reporting; an outlet
cited as someone else's report is not the article's."""

from __future__ import annotations

import pytest

from briefgen.ingest import ingest
from briefgen.ingest.outlets import self_named_outlet


@pytest.mark.parametrize("text, outlet", [
    # Given to RFI: the embassy answered RFI's journalists, so this is RFI's article (seed 000).
    ("La coopération relevait de la formation des soldats, selon les précisions apportées à RFI par "
     "l'ambassade des États-Unis à Bamako.", "RFI"),
    ("« Nous restons disponibles », a confié à RFI un diplomate.", "RFI"),
    ("Interrogé par France 24, le ministre a confirmé la visite.", "France 24"),
    # Cited from RFI: another outlet's reporting, not this article's outlet.
    ("Selon RFI, l'ambassade des États-Unis a confirmé la visite.", None),
    ("Le diplomate a déclaré à nos confrères de RFI que rien n'était signé.", None),
    ("Cette étape renforce la coopération, selon Russia Today à l'époque.", None),
    # Both readings of one outlet, or two outlets given statements: undecided.
    ("Il a déclaré à RFI qu'il viendrait. Selon RFI, la date n'est pas fixée.", None),
    ("Il a déclaré à RFI qu'il viendrait, puis l'a confié à France 24.", None),
    ("Aucun média n'est nommé dans ce texte.", None),
])
def test_self_named_outlet(text: str, outlet: str | None):
    assert self_named_outlet([text]) == outlet


def test_a_stated_outlet_is_never_replaced(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Le ministre a reçu l'envoyé spécial, a déclaré à RFI un conseiller.\n\n"
                       "Pour plus d’informations et d’analyses sur le Mali, suivez Africa-Press\n", encoding="utf-8")
    assert [s.outlet for s in ingest([article]).sources] == ["Africa-Press"]
