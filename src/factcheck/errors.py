"""The one error users see for bad input: a single line naming the file and the problem."""


class InputError(Exception):
    """Bad input: an unreadable file, text that is not UTF-8, a malformed fact sheet."""

    def __init__(self, path: str | None, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}" if path else problem)
