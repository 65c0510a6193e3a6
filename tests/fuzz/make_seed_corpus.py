#!/usr/bin/env python3
"""Writes the seed corpus of fuzz-frame-decoder into corpus/ (docs/fuzzing.md).

Each seed is the fuzz target's input: byte 0 selects the frame cap (0x00 = the
default 1 MiB, 0x80 | i = a small cap, see kCaps in fuzz_frame_decoder.cpp),
bytes 1..3 are chunk sizes (0 = the rest at once), then the byte stream.
Envelopes are encoded by hand so that no protobuf module is needed.
"""
import os
import struct
import sys

def varint(value):
    out = bytearray()
    while value >= 0x80:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)

def field(number, wire_type, payload):
    return varint(number << 3 | wire_type) + payload

def uint(number, value):
    return field(number, 0, varint(value))

def message(number, body):
    return field(number, 2, varint(len(body)) + body)

def text(number, value):
    return message(number, value.encode())

def packed_floats(number, values):
    return message(number, b"".join(struct.pack("<f", v) for v in values))

def packed_uints(number, values):
    return message(number, b"".join(varint(v) for v in values))

def frame(payload):
    return varint(len(payload)) + payload

HELLO = uint(1, 1) + message(10, uint(1, 1) + text(2, "operator") + uint(4, 2)
                             + text(5, "seed") + text(6, "0.1.0"))
HISTORY = (uint(1, 1617000120000) + uint(2, 1000) + packed_uints(3, [119000, 119500, 120000])
           + packed_floats(4, [1200.0, 1201.0, 1202.0]) + packed_floats(9, [0.93, 0.94, 0.95])
           + message(11, text(1, "kakao") + packed_uints(2, [1, 1, 2])
                     + packed_floats(3, [900.0, 1800.0, 2700.0])))
STATE = uint(1, 1617000123000) + message(2, uint(1, 120000)) + message(3, text(1, "kakao") + uint(2, 2))
TICK = uint(1, 42) + uint(2, 1617000000000) + message(21, message(1, STATE) + message(2, HISTORY))
PING = uint(1, 3) + message(14, uint(1, 99) + uint(2, 1700000000000))
HEARTBEAT = uint(1, 43) + message(22, uint(1, 1))
WELCOME = uint(1, 41) + message(11, uint(1, 1) + text(2, "sim") + text(3, "s-1") + uint(4, 1)
                                + uint(7, 1000) + uint(8, 10))
REFUSAL = message(12, uint(1, 4) + text(2, "frame 1 announces 2000000 bytes"))
MULTI = frame(HELLO) + frame(WELCOME) + frame(TICK) + frame(b"") + frame(PING) + frame(HEARTBEAT)

DEFAULT = b"\x00\x00\x00\x00"
SEEDS = {
    "valid-hello": DEFAULT + frame(HELLO),
    "valid-tick-history": DEFAULT + frame(TICK),
    "valid-multi-frame": DEFAULT + MULTI,
    "split-heavy": b"\x00\x01\x02\x03" + MULTI,
    "byte-by-byte-refusal": b"\x00\x01\x01\x01" + frame(REFUSAL) + frame(b""),
    "empty-frames": DEFAULT + b"\x00" * 16,
    "oversized-prefix-2p40": DEFAULT + frame(PING) + varint(1 << 40) + b"x" * 16,
    "small-cap-one-over": b"\x83\x05\x00\x00" + frame(b"") + varint(17) + b"\x08" * 17,
    "overlong-varint": DEFAULT + frame(HEARTBEAT) + b"\x80" * 11,
    "varint-tenth-byte-2": DEFAULT + b"\x80" * 9 + b"\x02",
    "truncated-payload": b"\x00\x07\x00\x00" + frame(HEARTBEAT) + frame(TICK)[:-5],
    "undecodable-wire-type-7": DEFAULT + frame(PING) + frame(b"\x0f") + frame(HELLO),
    "undecodable-field-0": b"\x00\x03\x00\x00" + frame(HEARTBEAT) + frame(b"\x02\x00"),
    "garbage": b"\x00\x05\x00\x09" + bytes((i * 167 + 13) & 0xFF for i in range(96)),
}

def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "corpus")
    os.makedirs(out_dir, exist_ok=True)
    for name, data in SEEDS.items():
        with open(os.path.join(out_dir, name), "wb") as f:
            f.write(data)

if __name__ == "__main__":
    main()
