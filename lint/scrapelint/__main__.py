"""``python -m scrapelint``."""

import sys

from scrapelint.cli import main

sys.exit(main())
