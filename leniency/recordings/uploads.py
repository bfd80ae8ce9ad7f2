"""Uploads of audio and video typed from their first bytes, before the rest is spooled to disk.

Django writes an upload to a temporary file as it arrives and a view sees it only when all of it is there:
a 200 MB junk ".wav" was refused after 200 MB were written. `HeadCheckUploadHandler` (first in
FILE_UPLOAD_HANDLERS) looks at the first bytes of every file whose name has a media extension: when they
are not that format, it keeps the first chunk and drops the rest, so nothing more reaches the disk and the
service's own check (`do_add_recording`, the report form's attachments) refuses the file with its message.
"""

from django.core.files.uploadhandler import FileUploadHandler

from leniency.documents.uploads import detect, extension

from .services import ALLOWED_EXTENSIONS, MEDIA

HEAD_BYTES = 16  # enough for every format in services.MEDIA


class HeadCheckUploadHandler(FileUploadHandler):
    def new_file(self, field_name, file_name, *args, **kwargs):
        super().new_file(field_name, file_name, *args, **kwargs)
        ext = extension(file_name or "")
        self.checking = ext in ALLOWED_EXTENSIONS
        self.extension, self.head, self.refused = ext, b"", False

    def receive_data_chunk(self, raw_data, start):
        if self.refused:
            return None  # swallowed: the handlers after this one never see the rest
        if self.checking and len(self.head) < HEAD_BYTES:
            self.head += raw_data[: HEAD_BYTES - len(self.head)]
            if len(self.head) >= HEAD_BYTES:
                media = detect(self.head, MEDIA)
                self.refused = media is None or self.extension not in media.extensions
        return raw_data  # the first chunk goes on, so the service sees the bytes it refuses

    def file_complete(self, file_size):
        return None  # the next handlers build the file
