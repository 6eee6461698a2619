"""``python -m bot.fake_telegram --port N``: the fake Bot API over HTTP until Ctrl-C."""

from bot.fake_telegram.http_server import main

main()
