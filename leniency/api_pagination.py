"""Page-number pagination with bounded inputs: a page number beyond what a database offset can hold
(page=99999999999999999999) is a 422 naming `page`, not a server error."""

from ninja import Field, Schema
from ninja.pagination import PageNumberPagination

MAX_PAGE = 1_000_000


class BoundedPageNumberPagination(PageNumberPagination):
    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_PAGE)
        page_size: int | None = Field(None, ge=1, le=100)
