"""``python -m cadstream`` runs the command line."""

import sys

from cadstream.cli import main

sys.exit(main())
