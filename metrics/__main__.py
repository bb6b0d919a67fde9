"""Entry point: no Python traceback reaches the user, whatever the input."""

import sys

from metrics.cli.main import main

if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as exc:  # a bug, not bad input: say so in one line
        print(f"internal error ({type(exc).__name__}: {exc}); please report it with the command you ran.", file=sys.stderr)
        sys.exit(3)
