"""Site chrome: the parts of a government web page that are not the report.

Report pages sit inside a site's frame: navigation bars, breadcrumbs
(当前位置：首页 > 政务公开 > …), share buttons (分享到), the font-size switch
(字号：大 中 小), print/close links (【打印本页】【关闭窗口】), page metadata
(发布时间 / 来源 / 浏览次数) and the footer (主办单位, 网站标识码, ICP备案).
The reader drops elements that are chrome by tag or by class/id, and short
paragraphs that are chrome by wording.  Prose of the report is never dropped
for containing such words: only short paragraphs are tested.
"""

from __future__ import annotations

import re

__all__ = ["SKIPPED_TAGS", "is_chrome_attrs", "is_chrome_element", "is_chrome_text"]

#: Elements whose content is never report text.
SKIPPED_TAGS: frozenset[str] = frozenset(
    {
        "head",
        "script",
        "style",
        "noscript",
        "template",
        "nav",
        "footer",
        "aside",
        "form",
        "button",
        "select",
        "option",
        "input",
        "textarea",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "svg",
        "math",
        "canvas",
        "map",
        "audio",
        "video",
        "xml",  # Word's <xml> data islands (o:DocumentProperties …)
    }
)

#: class / id words that mark site chrome (compared as whole words of the attribute).
_CHROME_WORDS: frozenset[str] = frozenset(
    {
        "nav",
        "navbar",
        "navigation",
        "menu",
        "breadcrumb",
        "breadcrumbs",
        "crumb",
        "crumbs",
        "bread",
        "share",
        "bdshare",
        "jiathis",
        "social",
        "footer",
        "foot",
        "copyright",
        "toolbar",
        "sidebar",
        "topbar",
        "fontsize",
        "zihao",
        "related",
    }
)
_WORD_SPLIT = re.compile(r"[^a-z0-9]+")

#: Paragraphs longer than this are report prose, whatever words they contain.
_SHORT = 80
_CHROME_TEXT = re.compile(
    r"""
    ^(?:您?(?:当前|现在)的?位置|当前位置)          # breadcrumbs
    | ^分享到 | ^扫一扫
    | 字号[:：]?\s*[【\[]?\s*大\s*[】\]]?\s*[【\[]?\s*中   # 字号：大 中 小
    | 【\s*(?:打印|关闭)                            # 【打印本页】【关闭窗口】
    | ^(?:打印本页|关闭窗口|返回顶部|上一篇|下一篇)
    | ^(?:发布时间|发布日期|信息来源|浏览次数|阅读次数|点击数)[:：]
    | ^(?:主办|承办|协办|主办单位|承办单位)[:：]
    | 网站标识码 | ICP备 | 公网安备 | 版权所有
    """,
    re.VERBOSE,
)


def is_chrome_element(tag: str, class_attr: str | None, id_attr: str | None) -> bool:
    """Whether an element is site chrome by its tag or by a word of its class or id."""
    if tag in SKIPPED_TAGS:
        return True
    return is_chrome_attrs(class_attr, id_attr)


def is_chrome_attrs(class_attr: str | None, id_attr: str | None) -> bool:
    """Whether an element's class or id has a word that marks site chrome."""
    return any(attr and not _CHROME_WORDS.isdisjoint(_WORD_SPLIT.split(attr.lower())) for attr in (class_attr, id_attr))


#: Every ``^``-anchored alternative of ``_CHROME_TEXT`` starts with one of these characters, and every other
#: one holds one of the literals is_chrome_text() tests: keep both in step with the pattern.
_CHROME_FIRST = frozenset("您当现分扫打关返上下发信浏阅点主承协")


def is_chrome_text(text: str) -> bool:
    """Whether a (short) paragraph is site chrome by its wording."""
    if len(text) > _SHORT:
        return False
    # A necessary condition first, in a few C-level tests: the regex search tries every alternative at every
    # position (~0.5-1.7 µs a paragraph), and almost no paragraph can match at all.
    if (
        text[:1] not in _CHROME_FIRST
        and "字号" not in text
        and "【" not in text
        and "网站标识码" not in text
        and "ICP备" not in text
        and "公网安备" not in text
        and "版权所有" not in text
    ):
        return False
    return _CHROME_TEXT.search(text) is not None
