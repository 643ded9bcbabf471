import sys

from syria_strikes.cli import main

sys.exit(main())
