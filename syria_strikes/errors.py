"""Errors a user of the loader can meet, with what to do about them."""


class ReleaseError(RuntimeError):
    """The packaged release is missing or damaged."""
