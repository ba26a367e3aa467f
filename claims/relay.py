"""How a claim travelled (issue 13, part 2): who said it first, which outlets relayed it and
from whom, and which outlets published it without attribution.

Built from a claim's appearances only (accepted mentions, in the order their articles were
published): each appearance's chain, speaker → relaying outlets (`via`) → the outlet that
published the article, is joined with the others on normalised names
(claims.source_names.name_key), so "the WSJ" in one article and "The Wall Street Journal" in
another are one node, and the WSJ's own article and Al Jazeera's "selon le WSJ" meet there.

"Without attribution" is read from what the articles say, never guessed:
- no source: the appearance names no speaker at all (a bare statement of the claim);
- no credit: a later appearance from another outlet rests on an anonymous source and credits
  no outlet, although an earlier appearance in another outlet exists (the claim was
  reported first elsewhere, and this outlet does not say so).

The drawing is an SVG laid out top to bottom (speakers first, then relays, then outlets),
three boxes a row at most, names on two lines, so that it reads on a phone without
scrolling sideways; the same facts are written out in words below it.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext

from claims.models import Claim, Mention, Source
from claims.source_names import name_key

# Geometry of the drawing, in SVG units (the drawing scales to the width of its box).
WIDTH = 340
BOX_W, BOX_H = 106, 50
ROW_GAP = 30
PER_ROW = 3
LINE_CHARS = 15  # a name is written on two lines at most of about this many characters


@dataclass
class Node:
    key: str
    label: str
    role: str  # speaker | relay | outlet
    first_at: datetime.datetime
    depth: int = 0
    anonymous: bool = False
    count: int = 0
    uncredited: bool = False
    x: float = 0
    y: float = 0

    @property
    def name_lines(self) -> list[tuple[str, int]]:
        """The name on two lines at most (cut with … beyond), each with its baseline."""
        lines: list[str] = []
        for word in self.label.split():
            if lines and len(lines[-1]) + 1 + len(word) <= LINE_CHARS:
                lines[-1] += " " + word
            else:
                lines.append(word)
        if len(lines) > 2:
            lines = [lines[0], " ".join(lines[1:])]
        lines = [
            line if len(line) <= LINE_CHARS else line[: LINE_CHARS - 1].rstrip() + "…"
            for line in lines
        ]
        first = self.y + (31 if len(lines) == 1 else 26)
        return [(line, int(first + 13 * i)) for i, line in enumerate(lines)]

    @property
    def cx(self) -> int:
        return int(self.x + BOX_W / 2)

    @property
    def role_y(self) -> int:
        return int(self.y + 12)


@dataclass
class Edge:
    source: Node
    target: Node
    count: int = 0

    @property
    def path(self) -> str:
        """From the bottom of the source box to the top of the target box."""
        x1, y1 = self.source.cx, self.source.y + BOX_H
        x2, y2 = self.target.cx, self.target.y - 4
        if y2 <= y1:  # same row (a relay that is also an outlet on it): side to side
            y1 = y2 = self.source.y + BOX_H / 2
            x1 = self.source.x + (BOX_W if x2 > x1 else 0)
            x2 = self.target.x + (0 if x2 > self.source.cx else BOX_W)
            return f"M{x1:.0f},{y1:.0f} L{x2:.0f},{y2:.0f}"
        middle = (y1 + y2) / 2
        return f"M{x1:.0f},{y1:.0f} C{x1:.0f},{middle:.0f} {x2:.0f},{middle:.0f} {x2:.0f},{y2:.0f}"


@dataclass
class Step:
    """One appearance, as the relay graph reads it."""

    mention: Mention
    appeared_at: datetime.datetime
    outlet: str
    chain: list[str]
    unattributed: str = ""  # "", "no_source" or "no_credit"

    @property
    def unattributed_text(self) -> str:
        if self.unattributed == "no_source":
            return gettext("names no source")
        if self.unattributed == "no_credit":
            return gettext("cites an anonymous source and no outlet, after others reported it")
        return ""


@dataclass
class RelayGraph:
    steps: list[Step]
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    height: int = 0

    @property
    def first(self) -> Step | None:
        return self.steps[0] if self.steps else None

    @property
    def first_speaker(self) -> str:
        """Who said it first: the speaker of the earliest appearance naming one."""
        for step in self.steps:
            if step.mention.speaker:
                return step.mention.speaker
        return ""

    @property
    def relays(self) -> list[tuple[str, list[str]]]:
        """Each outlet that passed the claim on, with those it passed it to."""
        found: dict[str, list[str]] = {}
        for edge in self.edges:
            if edge.source.role != "speaker":
                found.setdefault(edge.source.label, [])
                if edge.target.label not in found[edge.source.label]:
                    found[edge.source.label].append(edge.target.label)
        return list(found.items())

    @property
    def unattributed(self) -> list[Step]:
        return [step for step in self.steps if step.unattributed]

    @property
    def width(self) -> int:
        return WIDTH

    @property
    def box_w(self) -> int:
        return BOX_W

    @property
    def box_h(self) -> int:
        return BOX_H


def relay_graph(claim: Claim, mentions: Iterable[Mention] | None = None) -> RelayGraph:
    """The relay graph of a claim's appearances (given in time order with `appeared_at`,
    or read here in one query)."""
    if mentions is None:
        mentions = claim.mentions.public().in_time_order()
    mentions = list(mentions)
    steps: list[Step] = []
    outlets_before: set[str] = set()
    for mention in mentions:
        outlet = mention.article.outlet.name if mention.article.outlet_id else ""
        chain = mention.relay_chain
        if not mention.speaker:
            chain[0] = gettext("No source named")
        step = Step(
            mention=mention,
            appeared_at=getattr(mention, "appeared_at", None) or mention.article.created_at,
            outlet=outlet,
            chain=chain,
        )
        credited = chain[1:-1] if outlet else chain[1:]
        if not mention.speaker:
            step.unattributed = "no_source"
        elif (
            mention.speaker_type == Source.Kind.ANONYMOUS
            and not credited
            and outlets_before - {name_key(outlet)}
        ):
            step.unattributed = "no_credit"
        if outlet:
            outlets_before.add(name_key(outlet))
        steps.append(step)
    graph = RelayGraph(steps=steps)
    _join(graph)
    _lay_out(graph)
    return graph


def _join(graph: RelayGraph) -> None:
    nodes: dict[str, Node] = {}
    edges: dict[tuple[str, str], Edge] = {}
    for step in graph.steps:
        last = len(step.chain) - 1
        previous = None
        for index, label in enumerate(step.chain):
            if index == 0:
                role = "speaker"
                # An unnamed source of one article is not the unnamed source of another.
                anonymous = step.mention.speaker_type == Source.Kind.ANONYMOUS
                key = (
                    f"speaker:{step.mention.pk}"
                    if anonymous or not step.mention.speaker
                    else ("speaker:" + name_key(label))
                )
            else:
                role = "outlet" if (index == last and step.outlet) else "relay"
                anonymous = False
                key = "outlet:" + name_key(label)
            node = nodes.get(key)
            if node is None:
                node = nodes[key] = Node(
                    key=key, label=label, role=role, first_at=step.appeared_at, anonymous=anonymous
                )
            if role == "outlet":
                node.role = "outlet"
                node.count += 1
                node.uncredited = node.uncredited or bool(step.unattributed)
            node.depth = max(node.depth, index)
            if previous is not None:
                edge = edges.setdefault((previous.key, key), Edge(source=previous, target=node))
                edge.count += 1
            previous = node
    graph.nodes = sorted(nodes.values(), key=lambda n: (n.depth, n.first_at, n.label))
    graph.edges = list(edges.values())


def _lay_out(graph: RelayGraph) -> None:
    """Speakers on top, relays by their distance from the speaker, the publishing outlets at
    the bottom, so that every arrow points down. In each layer, boxes are ordered by where
    their parents stand (fewer crossings), at most PER_ROW a row; a box alone on its row
    stands under its parents."""
    if not graph.nodes:
        graph.height = 0
        return
    last = max(node.depth for node in graph.nodes) + 1
    parents: dict[str, list[Node]] = {}
    for edge in graph.edges:
        parents.setdefault(edge.target.key, []).append(edge.source)
    layers: dict[int, list[Node]] = {}
    for node in graph.nodes:
        layer = 0 if node.role == "speaker" else (last if node.role == "outlet" else node.depth)
        layers.setdefault(layer, []).append(node)

    def parents_x(node: Node) -> float:
        found = parents.get(node.key) or []
        return sum(p.cx for p in found) / len(found) if found else WIDTH / 2

    y = 8
    for layer in sorted(layers):
        row = layers[layer]
        if layer:
            row.sort(key=lambda n: (parents_x(n), n.first_at))
        for start in range(0, len(row), PER_ROW):
            chunk = row[start : start + PER_ROW]
            if len(chunk) == 1 and layer:
                centre = parents_x(chunk[0])
                chunk[0].x = int(min(max(centre - BOX_W / 2, 4), WIDTH - BOX_W - 4))
            else:
                gap = (WIDTH - len(chunk) * BOX_W) / (len(chunk) + 1)
                for i, node in enumerate(chunk):
                    node.x = int(gap + i * (BOX_W + gap))
            for node in chunk:
                node.y = int(y)
            y += BOX_H + ROW_GAP
    graph.height = int(y - ROW_GAP + 8)
