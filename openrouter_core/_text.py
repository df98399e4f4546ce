"""The text of a message's content, for the models' ``.text`` properties.

Pure and computed only when read: decoding a reply or a stream chunk never calls it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from openrouter_core.models import ChatContentItems


def content_text(content: str | Sequence[ChatContentItems] | None) -> str | None:
    """``content`` as one string: a string as it is, the text parts of a list joined.

    ``None`` when there is no text at all (no content, or only images, audio, files...).
    """
    if content is None or isinstance(content, str):
        return content
    # The parts are instances already, so their module is loaded: this import costs nothing.
    from openrouter_core.models._content import ChatContentText

    texts = [part.text for part in content if isinstance(part, ChatContentText)]
    return "".join(texts) if texts else None
