"""A stand-in DIGEST_TRANSLATOR for the tests: marks text instead of translating it."""


def translate(text: str) -> str:
    return f"[en] {len(text.split())} words"


def broken(text: str) -> str:
    raise RuntimeError("model not installed")
