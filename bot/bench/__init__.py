"""`itoh-bot bench`: speed, memory and growth of this bot against its peers, in one run.

Layout (docs/benchmarks.md has the results and how to read them):

* options.py: the command line (light, loaded by bot/cli.py); cli.py runs the parts;
* stream.py: the simulated users' updates (seed 000 answers and random valid paths);
* targets.py: the floor and this bot, on the in-process fake Telegram
  (bot/fake_telegram/, lean); peers/: the ConversationHandler and aiogram peers;
* inprocess.py: per-update cost and memory; growth.py: 100 to 100 000 stored sessions;
* e2e.py: `itoh-bot run` over HTTP against the fake Telegram's server, polling and webhook;
* startup.py: launch to the first question; profile.py: pyinstrument over the hot path;
* report.py: machine facts, targets, the table and the PNG.

Importing this package imports nothing else: `itoh-bot --help` stays fast.
"""
