"""Deterministic work, ported bit for bit from packages/tools/src/work.ts.

JS numbers here are 32-bit: `Math.imul` and `>>> 0` become a multiply masked to 32 bits, and
strings are iterated as UTF-16 code units (JS `charCodeAt`), not as code points.
"""

from .limits import COMPLEXITY_ROUNDS

MASK = 0xFFFFFFFF
FNV_OFFSET = 0x811C9DC5
FNV_PRIME = 0x01000193


def utf16_units(text: str) -> memoryview:
    """The string's UTF-16 code units, as JS sees them (an astral character is two)."""
    return memoryview(text.encode("utf-16-le", "surrogatepass")).cast("H")


def utf16_length(text: str) -> int:
    """JS `text.length`."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def fnv1a(text: str, seed: int = FNV_OFFSET) -> int:
    """FNV-1a over UTF-16 code units: a cheap, stable seed from a string."""
    h = seed & MASK
    for unit in utf16_units(text):
        h = ((h ^ unit) * FNV_PRIME) & MASK
    return h


def to_hex(value: int) -> str:
    return format(value & MASK, "08x")


def simulate_work(task: str, complexity: str) -> tuple[int, str]:
    """`rounds` of xorshift32 mixing seeded by the task: (rounds, checksum), as simulateWork."""
    rounds = COMPLEXITY_ROUNDS[complexity]
    x = fnv1a(task) or 1
    acc = 0
    for i in range(rounds):
        x = (x ^ (x << 13)) & MASK
        x ^= x >> 17
        x = (x ^ (x << 5)) & MASK
        acc = (acc + x * (i | 1)) & MASK
    return rounds, to_hex(acc ^ x)


def combine_checksums(checksums: list[str]) -> str:
    """Combines checksums in order, so a batch's checksum depends on every item and their order."""
    return to_hex(fnv1a(":".join(checksums)))


ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"
PATTERN = ALPHABET * -(-65_536 // len(ALPHABET))


def deterministic_text(size: int, seed: str) -> str:
    """`size` ASCII characters starting at an offset taken from `seed`: deterministic filler."""
    if size <= 0:
        return ""
    start = fnv1a(seed) % len(ALPHABET)
    rotated = PATTERN[start:] + PATTERN[:start]
    if size <= len(rotated):
        return rotated[:size]
    return (rotated * -(-size // len(rotated)))[:size]
