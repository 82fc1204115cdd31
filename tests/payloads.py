"""Hostile inputs for the escaping and sanitising suites: each tries to run script or to
break the page structure. A payload "fires" by calling ``alert``/``confirm``/``prompt``,
``console.error('XSS')`` or by setting ``window.__xss``."""

from __future__ import annotations

PAYLOADS: list[str] = [
    "<script>alert(1)</script>",
    "<script>window.__xss=1</script>",
    "<SCRIPT SRC=data:text/javascript,alert(1)></SCRIPT>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "</title><script>alert(1)</script>",
    "</textarea><script>alert(1)</script>",
    "</style><script>alert(1)</script>",
    "</script><script>alert(1)</script>",
    "<!--<script>alert(1)</script>-->",
    "<img src=x onerror=alert(1)>",
    '<img src=x onerror="window.__xss=1">',
    "<img/src/onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<body onload=alert(1)>",
    "<iframe src=javascript:alert(1)></iframe>",
    '<iframe srcdoc="<script>parent.alert(1)</script>"></iframe>',
    "<object data=javascript:alert(1)></object>",
    "<embed src=javascript:alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href=" javascript:alert(1)">x</a>',
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    "<form action=javascript:alert(1)><button>x</button></form>",
    "<input autofocus onfocus=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<video><source onerror=alert(1)></video>",
    "<audio src=x onerror=alert(1)>",
    "<marquee onstart=alert(1)>x</marquee>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<div style="width:expression(alert(1))">x</div>',
    "<style>*{background:url(javascript:alert(1))}</style>",
    "<link rel=stylesheet href=javascript:alert(1)>",
    '<meta http-equiv=refresh content="0;url=javascript:alert(1)">',
    "<base href=javascript:alert(1)//>",
    '"><script>alert(1)</script>',
    "'><script>alert(1)</script>",
    '" onmouseover="alert(1)',
    "' onmouseover='alert(1)",
    '" autofocus onfocus="alert(1)',
    '"><img src=x onerror=alert(1)>',
    "{{ 7*7 }}<script>alert(1)</script>",
    "{% raw %}<script>alert(1)</script>{% endraw %}",
    "${alert(1)}",
    "javascript:alert(1)",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
    "\u202eRTL override <script>alert(1)</script>",
    "\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069 bidi <img src=x onerror=alert(1)>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "<template><script>alert(1)</script></template>",
    "<x onclick=alert(1)>click</x>",
    "<button formaction=javascript:alert(1)>x</button>",
    "<isindex type=image src=1 onerror=alert(1)>",
    "<xmp><script>alert(1)</script></xmp>",
    "<plaintext><script>alert(1)</script>",
    "</div></div></main><script>alert(1)</script>",
    "<![CDATA[<script>alert(1)</script>]]>",
]

EVIL_ORIGIN = "https://evil.example"
"""Another origin, answered by the browser test itself (Playwright routes, no network)."""
EVIL_VERSIONS = '[{"version": "1", "title": "<img src=x onerror=alert(1)>", "aliases": []}]'
"""versions.json served from ``EVIL_ORIGIN``: Material renders version titles as HTML."""

CLOBBERING: dict[str, str] = {
    # Material reads its configuration from the first #__config of the page: a body element
    # that comes first replaces it. A version provider makes Material fetch versions.json
    # from config.base (another origin) and render the titles as HTML, on load.
    "config-version": (
        '<span id="__config">{"base": "' + EVIL_ORIGIN + '/v/", "features": [], '
        '"translations": {}, "search": "", "version": {"provider": "mike"}}</span>'
    ),
    # The tooltips feature renders title attributes as HTML, on hover or focus (click).
    "config-tooltips": (
        '<span id="__config">{"base": "/", "features": ["content.tooltips", '
        '"content.footnote.tooltips", "navigation.instant"], "translations": {}, '
        '"search": ""}</span>\n\n'
        '<span title="&lt;img src=x onerror=alert(1)&gt;">Di chuột vào đây</span> và '
        '[bấm vào đây](#ket-luan "&lt;img src=x onerror=alert(2)&gt;")'
    ),
    # Every other id, name or class the theme or our scripts use.
    "theme-ids": (
        '<span id="__search">a</span> <span id="__drawer">b</span> <span id="__toc">c</span> '
        '<span id="__consent">d</span> <span id="__palette_0">e</span> '
        '<span id="kl-search-box">f</span> <span id="kl-search-panel">g</span> '
        '<span name="__config">h</span> <span id="location">i</span> '
        '<span class="kl-tools kl-search md-header md-sidebar">j</span>\n\n'
        "## KL search box\n\n## KL văn bản được trích dẫn\n\n## __config\n\n"
        "Thực hiện Kết luận số 900-KL/HU ngày 01/3/2024 của Huyện ủy Sơn Động."
    ),
    # UI redress: body text styled as the site's own fixed dialog (a fake notice).
    "redress-dialog": (
        '<span class="md-dialog md-dialog--active"><span class="md-dialog__inner md-typeset">'
        "Phiên làm việc đã hết hạn: gọi 0900 000 000 để đăng nhập lại.</span></span>"
    ),
    "redress-admonition": (
        '!!! note md-dialog md-dialog--active "Thông báo"\n'
        "    Phiên làm việc đã hết hạn: gọi 0900 000 000 để đăng nhập lại."
    ),
    # Heading text goes raw into Material's table of contents beside the body.
    "toc-heading": (
        '## Mục <img src=x onerror=alert(1)> <span title="&lt;img src=x onerror=alert(2)&gt;">'
        "hai</span>\n\n## <b onmouseover=alert(3)>Ba</b> &lt;script&gt;alert(4)&lt;/script&gt;"
    ),
}
"""Document bodies that try to replace or imitate the theme's own elements (DOM clobbering
and UI redress). Each is checked on load, on hover and on click; none may run script, change
what Material reads from the page or look like the site's own interface."""

TITLES: list[str] = [
    '<span title="&lt;img src=x onerror=alert(1)&gt;">khoảng</span>',
    '<abbr title="&lt;img src=x onerror=alert(2)&gt;">HĐND</abbr>',
    '[liên kết](#ket-luan "&lt;img src=x onerror=alert(3)&gt;")',
    '<span title="<svg onload=alert(4)>">svg</span>',
    "<b title='\"><img src=x onerror=alert(5)>'>đậm</b>",
]
"""Title attributes in bodies, for a site whose owner turned Material's tooltips on: they
render a title as HTML, so a title must stay text (shown, never parsed)."""
