"""``python -m openrouter_core`` and the ``openrouter-core`` console script: the demo CLI.

The logic lives in ``_cli``; ``import openrouter_core`` imports neither module.
"""

from openrouter_core._cli import main

if __name__ == "__main__":
    raise SystemExit(main())
