"""Launch the Stakeholder Mapper desktop app: ``python main.py [MAP.smap]``."""

import sys

from stakeholder_mapper.cli import main

if __name__ == "__main__":
    sys.exit(main())
