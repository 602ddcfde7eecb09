"""A bare Textual app showing the same text as b2b-reader's first screen (the baseline)."""

import sys

from rich.text import Text
from textual.app import App
from textual.widgets import Static


class Bare(App):
    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def compose(self):
        yield Static(Text(self.text))


if __name__ == "__main__":
    Bare(open(sys.argv[1], encoding="utf-8").read()).run()
