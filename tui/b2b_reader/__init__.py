"""b2b-reader: a terminal reader for Chinese business articles."""

__version__ = "0.1.0"
