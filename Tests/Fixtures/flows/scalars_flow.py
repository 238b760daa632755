"""Scalar artifacts of every builtin type, plus output on stdout and stderr.

The values are chosen to reach every pickle opcode a builtin value can produce (small and big
ints, LONG1/LONG4 integers, short and long strings, batched APPENDS/SETITEMS, memoised shared
references) and every repr corner (-0.0, nan, 1e+16, quotes, non-ASCII, non-str dict keys).
"""
import datetime
import decimal
import sys
import uuid

from metaflow import FlowSpec, step


class ScalarsFlow(FlowSpec):
    """A linear flow that stores one artifact per builtin type."""

    @step
    def start(self):
        """Numbers, text and the singletons."""
        self.step_count = 1
        self.an_int = 42
        self.negative_int = -7
        self.big_int = 2**100 + 12345  # > 2**64: pickled as LONG1
        self.huge_int = -(7**1000)  # 351 bytes: pickled as LONG4
        self.int_edges = [0, 1, 255, 256, 65535, 65536, -1, -129, 2**31 - 1, -(2**31), 2**31, 2**63, -(2**63) - 1]
        self.a_float = 3.141592653589793
        self.tenth = 0.1
        self.small_float = 1e-05
        self.large_float = 1e16
        self.negative_zero = -0.0
        self.not_a_number = float("nan")
        self.infinity = float("inf")
        self.float_edges = [1.5, -2.25, 123456789.123, 1e-7, 1e22, 5e-324, 1.7976931348623157e308, float("-inf"), 100.0]
        self.text = 'He said "it\'s fine"\nsecond line\twith a tab and a \\ backslash'
        self.unicode_text = "café 漢字 🚀 naïve Ω"
        self.empty_text = ""
        self.long_text = "metaflow " * 40  # > 255 bytes: BINUNICODE, not SHORT_BINUNICODE
        self.raw_bytes = b"\x00\x01binary\xff'\""
        self.byte_array = bytearray(b"mutable\x00bytes")
        self.flag_true = True
        self.flag_false = False
        self.nothing = None
        print("start: set scalars")
        print("unicode on stdout: café 漢字 🚀")
        print("a warning on stderr", file=sys.stderr)
        self.next(self.collections)

    @step
    def collections(self):
        """Containers and the standard-library value types."""
        self.step_count += 1
        self.a_list = [1, "two", 3.0, None, True, [4, 5], {"six": 6}]
        self.empty_list = []
        self.long_list = list(range(1500))  # more than one APPENDS batch of 1000
        self.a_tuple = (1, "a", 2.5)
        self.single_tuple = ("only",)
        self.empty_tuple = ()
        self.nested_dict = {
            "name": "model",
            "layers": [64, 32],
            "options": {"lr": 0.01, "decay": None, "schedule": ("step", 10)},
            1: "int key",
            (2, 3): "tuple key",
            None: "None key",
            2.5: "float key",
        }
        self.empty_dict = {}
        self.wide_dict = {f"k{i:04d}": i for i in range(1200)}  # more than one SETITEMS batch
        self.int_set = {3, 1, 2}
        self.empty_set = set()
        self.frozen = frozenset({5, 4, 6})
        self.a_complex = complex(1.5, -2.0)
        self.a_range = range(0, 10, 2)
        self.a_datetime = datetime.datetime(2024, 5, 17, 12, 30, 45, 123456)
        self.aware_datetime = datetime.datetime(2024, 5, 17, 12, 30, 45, tzinfo=datetime.timezone.utc)
        self.a_date = datetime.date(2024, 5, 17)
        self.a_time = datetime.time(8, 15, 0, 250)
        self.a_timedelta = datetime.timedelta(days=1, hours=2, microseconds=5)
        self.a_decimal = decimal.Decimal("3.14159265358979323846")
        self.a_uuid = uuid.UUID("12345678-1234-5678-1234-567812345678")
        pair = [1, 2]
        self.shared_refs = [pair, pair, {"again": pair}]  # one object, memoised and fetched twice
        print(f"collections: {len(self.long_list)} list items, {len(self.wide_dict)} dict items")
        print("line with trailing spaces   ")
        print()
        print("after an empty line")
        print("stderr line 1", file=sys.stderr)
        print("stderr line 2: ünïcödé", file=sys.stderr)
        self.next(self.end)

    @step
    def end(self):
        """Summarise."""
        self.step_count += 1
        self.summary = f"{self.an_int} {self.tenth!r} {self.big_int}"
        print("end:", self.summary)


if __name__ == "__main__":
    ScalarsFlow()
