"""Build small Briefs by hand for stage tests: sources, paragraphs and sentences with exact offsets."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from briefgen.model import Brief, Paragraph, Sentence, Source


def make_source(source_id: str, paragraphs: list[list[str]], date: dt.date | None = None,
                precision: str = "day") -> Source:  # fmt: skip
    """One Source whose text is the paragraphs (sentences joined by a space) joined by a blank line."""
    texts = [" ".join(sentences) for sentences in paragraphs]
    text = "\n\n".join(texts)
    source = Source(source_id, Path(f"{source_id}.txt"), "0" * 64, text, date=date,
                    date_precision=precision if date else None)  # fmt: skip
    offset = 0
    for number, (sentences, paragraph_text) in enumerate(zip(paragraphs, texts), start=1):
        paragraph = Paragraph(source_id, number, offset, paragraph_text)
        position = offset
        for sentence in sentences:
            start = text.index(sentence, position)
            paragraph.sentences.append(Sentence(source_id, number, start, start + len(sentence), sentence))
            position = start + len(sentence)
        source.paragraphs.append(paragraph)
        offset += len(paragraph_text) + 2
    return source


def make_brief(*sources: Source) -> Brief:
    return Brief(sources=list(sources))
