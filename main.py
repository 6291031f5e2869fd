"""Launch the Stakeholder Mapper desktop app: ``python main.py [MAP.smap]``."""

import multiprocessing
import sys

from stakeholder_mapper.cli import main

if __name__ == "__main__":
    # In a frozen (bundled) app, lets the executable act as a worker process when
    # started as one, instead of opening another window.
    multiprocessing.freeze_support()
    sys.exit(main())
