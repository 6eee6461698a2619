"""The Telegram channel, on python-telegram-bot.

* application.py: builds the PTB Application (`itoh-bot run`: polling or PTB's webhook);
* handlers.py: one turn per update, through bot/chat_turn.py, after admission.py
  (allow-list, per-user rate limit); delivery.py sends the replies (render.py lays them
  out, retry.py retries what Telegram refused for now); updates.py reads raw updates;
* worker.py (`itoh-bot worker`): one webhook worker of several, with http_limits.py and
  metrics.py (/metrics); webhook_setup.py (`itoh-bot set-webhook`) registers the URL once.
"""
