"""What the page tests share: the stations of the bundled data they look at, and a page's
timeline parsed as the SVG it is."""

import re
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
ISS, SALYUT_6, TIANGONG = 4, 14, 18


def timeline(html):
    """The page's SVG, parsed: it is well-formed XML."""
    return ET.fromstring(re.search(r"<svg xmlns.*?</svg>", html, re.S).group(0))
