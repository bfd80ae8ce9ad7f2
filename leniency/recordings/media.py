"""Tiny generated media files (a short sine-tone WAV made with the `wave` module) for the demo and tests."""

import io
import math
import struct
import wave


def wav_bytes(seconds: float = 0.2, rate: int = 8000, freq: float = 440.0) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        frames = int(seconds * rate)
        out.writeframes(
            b"".join(
                struct.pack("<h", int(8000 * math.sin(2 * math.pi * freq * i / rate))) for i in range(frames)
            )
        )
    return buffer.getvalue()
