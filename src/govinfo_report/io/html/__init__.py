"""HTML: read report web pages, write a standalone HTML5 page in the template's layout."""

from .reader import HtmlReader
from .writer import HtmlWriter

__all__ = ["HtmlReader", "HtmlWriter"]
