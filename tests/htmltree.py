"""A small HTML reader for tests: parse a page into a tree and find elements in it."""

from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Node:
    def __init__(self, tag: str, attrs: dict[str, str | None]):
        self.tag, self.attrs, self.children = tag, attrs, []

    def text(self) -> str:
        """The text, a space between the texts of child elements."""
        return " ".join(" ".join(c.text() if isinstance(c, Node) else c for c in self.children).split())

    def raw(self) -> str:
        return "".join(c.raw() if isinstance(c, Node) else c for c in self.children)

    def inline_text(self) -> str:
        """The text as it reads inline: child texts joined as they stand, spaces collapsed."""
        return " ".join(self.raw().split())

    def iter(self):
        for child in self.children:
            if isinstance(child, Node):
                yield child
                yield from child.iter()

    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()

    def find_all(self, tag: str | None = None, **attrs: str | bool) -> list["Node"]:
        """Elements by tag and attributes (`data_event="x"` is `data-event`, `class_` one of
        the classes; True: the attribute is there)."""
        wanted = {k.rstrip("_").replace("_", "-"): v for k, v in attrs.items()}
        return [
            n
            for n in self.iter()
            if (tag is None or n.tag == tag) and all(n.has(k, v) for k, v in wanted.items())
        ]

    def has(self, name: str, value: str | bool) -> bool:
        if value is True:
            return name in self.attrs
        if name == "class":
            return value in self.classes()
        return self.attrs.get(name) == value

    def find(self, tag: str | None = None, **attrs: str | bool) -> "Node | None":
        found = self.find_all(tag, **attrs)
        return found[0] if found else None

    def select(self, tag: str | None = None, cls: str | None = None, **attrs: str | bool):
        return self.find_all(tag, **({"class_": cls} if cls else {}), **attrs)

    def one(self, tag: str | None = None, cls: str | None = None, **attrs: str | bool) -> "Node":
        found = self.select(tag, cls, **attrs)
        assert len(found) == 1, (tag, cls, attrs, len(found))
        return found[0]


class _Builder(HTMLParser):
    def __init__(self):
        super().__init__()
        self.root = Node("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs))
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(Node(tag, dict(attrs)))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse(markup: str) -> Node:
    builder = _Builder()
    builder.feed(markup)
    return builder.root


def html(response) -> Node:
    return parse(response.text)
