"""The S3 backend of the archive (see leniency/documents/storage.py for its settings): django-storages' own,
with reads that stream.

Measured against moto's server on the shared two-core machine (bench/archive_s3.py): a 300 MiB file uploads
in 18-28 s, re-hashes in 2.5 s and downloads through FileResponse in 1.6 s, at a peak of 237 MB for the whole
process (105 MB before); 600 MiB peaks at 246 MB (boto3's multipart upload buffers are the growth). With
django-storages' own reader the same 300 MiB re-hash takes 18.4 s and the download 20.8 s, at 560 MB: it holds
the whole object in memory."""

from __future__ import annotations

import io

from django.core.files import File
from storages.backends.s3 import S3Storage
from storages.utils import clean_name

READ_BUFFER = 64 * 1024


class _ObjectReader(io.RawIOBase):
    """An S3 object read as a stream: one GET whose body is read as asked, never the whole object at once.

    Seekable, so that FileResponse can learn the size (seek to the end, tell) without a download; a seek to
    another position re-opens the body from there with a Range request."""

    def __init__(self, obj, size: int):
        super().__init__()
        self._obj, self._size, self._pos, self._body = obj, size, 0, None

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self._size}[whence]
        target = max(0, base + offset)
        if target != self._pos:
            self._drop_body()
            self._pos = target
        return self._pos

    def readinto(self, buffer) -> int:
        if self._pos >= self._size:
            return 0
        if self._body is None:
            extra = {"Range": f"bytes={self._pos}-"} if self._pos else {}
            self._body = self._obj.get(**extra)["Body"]
        data = self._body.read(len(buffer))
        if not data:  # the connection closed before the object's end: an error, never a short file
            raise OSError(f"{self._obj.key}: the object ended at byte {self._pos} of {self._size}")
        buffer[: len(data)] = data
        self._pos += len(data)
        return len(data)

    def _drop_body(self) -> None:
        if self._body is not None:
            self._body.close()
            self._body = None

    def close(self) -> None:
        self._drop_body()
        super().close()


class StreamingS3Storage(S3Storage):
    """django-storages' S3 backend whose reads stream: its own S3File downloads the whole object (into memory
    by default) before the first byte, which for a recording of several gigabytes is minutes and gigabytes.
    Writes are the backend's own (`upload_fileobj`: a multipart upload for large files)."""

    def _open(self, name, mode="rb"):
        if any(flag in mode for flag in "wa+"):
            return super()._open(name, mode)
        obj = self.bucket.Object(self._normalize_name(clean_name(name)))
        try:
            size = obj.content_length  # one HEAD: a missing object is named before any read
        except self.connection.meta.client.exceptions.ClientError as error:
            if error.response["ResponseMetadata"]["HTTPStatusCode"] == 404:
                raise FileNotFoundError(f"File does not exist: {name}") from error
            raise
        return File(io.BufferedReader(_ObjectReader(obj, size), buffer_size=READ_BUFFER), name=name)
