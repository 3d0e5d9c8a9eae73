"""Benchmarks of factcheck against other parsers and human labels; `make bench` runs them all."""
