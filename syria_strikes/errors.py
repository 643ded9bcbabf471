"""Errors a user of the loader can meet, with what to do about them."""


class ReleaseError(RuntimeError):
    """The packaged release is missing or damaged."""


class InputError(ValueError):
    """A command was given something it cannot use (a missing file, text that is not UTF-8);
    the message names the path and says what to do. The command line exits with 2."""
