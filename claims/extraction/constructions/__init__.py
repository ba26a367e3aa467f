"""One module per construction: ``NAME``, the ``RULES`` it emits and ``find(ex, ...)``.

The order they run in is ``runner.DocExtractor.sentence``.
"""
