from types import SimpleNamespace

from articles.highlight import highlight_segments


def span(start, end, number):
    return SimpleNamespace(start=start, end=end, number=number)


def test_segments_cover_the_whole_text_in_order():
    text = "Alpha said beta. Gamma."
    segments = highlight_segments(text, [span(11, 15, 1)])
    assert "".join(s.text for s in segments) == text
    assert [s.text for s in segments if s.mentions] == ["beta"]
    assert [s.starts for s in segments] == [[], [1], []]


def test_overlapping_mentions_share_the_segment_they_both_cover():
    text = "0123456789"
    segments = highlight_segments(text, [span(2, 8, 1), span(2, 8, 2), span(5, 9, 3)])
    covered = {s.text: [m.number for m in s.mentions] for s in segments}
    assert covered["567"] == [1, 2, 3]
    assert covered["234"] == [1, 2]
    assert covered["8"] == [3]


def test_spans_outside_the_text_are_ignored():
    segments = highlight_segments("short", [span(3, 99, 1), span(4, 2, 2)])
    assert [s.text for s in segments] == ["short"]
    assert segments[0].mentions == []
