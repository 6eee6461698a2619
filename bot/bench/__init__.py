"""`itoh-bot bench`: speed, memory and growth of this bot against its peers, in one run.

Layout (docs/benchmarks.md has the results and how to read them):

* options.py: the command line (light, loaded by bot/cli.py); cli.py runs the parts;
* stream.py: the simulated users' updates (seed 000 answers and random valid paths);
* fake_request.py: an in-memory Bot API for the in-process part; targets.py: the floor
  and this bot; peers/: the ConversationHandler and aiogram peers;
* inprocess.py: per-update cost and memory; growth.py: 100 to 100 000 stored sessions;
* e2e.py + fake_api.py: `itoh-bot run` over HTTP, polling and webhook;
* startup.py: launch to the first question; profile.py: pyinstrument over the hot path;
* report.py: machine facts, targets, the table and the PNG.

Importing this package imports nothing else: `itoh-bot --help` stays fast.
"""
