"""A warm process that runs ``newslint check`` for short-lived clients.

A one-file ``newslint check`` spends most of its time before the first rule
runs: importing the checks, loading the dictionaries and models, compiling the
matchers. A pre-commit hook pays that on every commit. The daemon pays it once:
it warms everything up, then forks a child per request. The child takes over
the client's standard streams (passed over a Unix socket), its working
directory, environment, arguments and umask, and runs the ordinary command
line, so output, exit code and ``--fix`` behave exactly as in a local run.

Modules:

- ``address``: where a daemon listens, and the key that keeps a daemon from
  serving a client of another install, Python or environment (light imports:
  the client pays for them);
- ``protocol``: the messages on the socket;
- ``client``: hand a command to a running daemon, or say there is none;
- ``server``: warm up, listen, fork per request, stop when idle;
- ``launcher``: the ``newslint`` entry point, which tries the daemon first;
- ``commands``: ``newslint daemon start|stop|status``.
"""
