"""Measuring the extractor: the scoring rule of eval/README.md and the benchmarks."""
