"""Conversation scripts (docs/scripts.md): a conversation written once, replayed on every channel.

* model.py: the script file format, loaded and validated;
* driver.py: the interface one channel implements (`Driver`) and `StepError`;
* drivers/: the engine, terminal and Telegram drivers;
* runner.py: plays one script through one driver; check.py compares each turn with
  its `expect`; observe.py reads what a turn showed, in the same shape for every channel;
* cli.py (`itoh-bot replay`) and record.py (`itoh-bot record`).
"""
