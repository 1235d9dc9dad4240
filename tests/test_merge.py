"""Blocked cross-source merging: only sentences sharing a rare stem are compared."""

from __future__ import annotations

from briefgen.merge import BLOCK_MAX_DF, MERGE_SIMILARITY, candidate_pairs, clusters, vectorise, with_anchors


def test_candidate_pairs_only_for_sentences_sharing_a_rare_stem():
    texts = [
        "La Chambre de commerce américaine ouvrira à Bamako.",
        "Une Chambre de commerce américaine va ouvrir à Bamako.",
        "Une frappe de drone a visé des dirigeants jihadistes.",
    ]
    rows, cols, cosine = candidate_pairs(vectorise(texts))
    assert list(zip(rows.tolist(), cols.tolist())) == [(0, 1)]
    assert cosine[0] > 0.5


def test_common_stems_do_not_create_pairs():
    # "mali" in every sentence: more than BLOCK_MAX_DF sentences share it, so it is not a block.
    texts = [f"Le Mali annonce k{i} et z{i}." for i in range(BLOCK_MAX_DF + 5)]
    rows, _, _ = candidate_pairs(vectorise(texts))
    assert rows.size == 0


def test_average_linkage_does_not_chain_different_facts():
    a = "Le ministre a inauguré la centrale solaire de Gorou Banda près de Niamey."
    bridge = "Le ministre a inauguré la centrale solaire de Gorou Banda et annoncé un barrage à Kandadji."
    c = "Le chantier du barrage de Kandadji reprendra à la saison sèche annonce le ministre."
    groups = clusters(vectorise([a, a, bridge, c]), candidate_pairs(vectorise([a, a, bridge, c])), threshold=0.5)
    assert [0, 1] in [g[:2] for g in groups]
    assert not any({0, 3} <= set(g) for g in groups)


def test_a_shared_anchor_joins_two_paraphrases_of_one_event():
    texts = [
        "Rudolph Atallah a effectué une visite officielle à Bamako du 8 au 11 juillet.",
        "Mercredi, Rudy Atallah s'est rendu au Mali, où le ministre Diop l'a reçu à Bamako.",
        "Une frappe de drone a visé des dirigeants jihadistes près de Bamako.",
    ]
    plain = vectorise(texts)
    anchored = with_anchors(plain, [["atallah/visit"], ["atallah/visit"], []])
    assert (plain[0] @ plain[1].T).sum() < MERGE_SIMILARITY <= (anchored[0] @ anchored[1].T).sum()
    assert (anchored[0] @ anchored[2].T).sum() < MERGE_SIMILARITY
    assert [0, 1] in clusters(anchored, candidate_pairs(anchored))
    assert with_anchors(plain, [[], [], []]) is plain  # no anchors: the rows as they were


def test_clustering_continues_from_earlier_groups():
    texts = [
        "Rudolph Atallah a effectué une visite officielle à Bamako du 8 au 11 juillet.",
        "Rudolph Atallah a effectué une visite officielle à Bamako du 8 au 11 juillet 2025.",
        "Mercredi, Rudy Atallah s'est rendu au Mali, où le ministre Diop l'a reçu à Bamako.",
    ]
    matrix = vectorise(texts)
    rows, cols, cosine = candidate_pairs(matrix)
    only_the_paraphrase = rows == 0  # pairs (0, 1) and (0, 2); the start group holds 0 and 1 already
    pairs = (rows[only_the_paraphrase], cols[only_the_paraphrase], cosine[only_the_paraphrase])
    assert clusters(matrix, pairs, threshold=0.0, start=[[0, 1], [2]]) == [[0, 1, 2]]
    assert clusters(matrix, pairs, threshold=0.99, start=[[0, 1], [2]]) == [[0, 1], [2]]
