"""syria-strikes: claims about air and missile strikes in Syria, with verbatim provenance."""

__version__ = "0.1.0"
