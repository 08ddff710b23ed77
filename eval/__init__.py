"""Evaluation harnesses: scorers of generated TEI against reference annotations.

Only these modules read a reference annotation; the converter never does.
"""
