"""`itoh-bot set-webhook [--delete]`: register the public webhook URL with Telegram, once.

Who calls it: an operator (or a deployment script) once per deployment, not the
workers: with several workers behind a load balancer, each registering itself would
point Telegram at whichever started last. It registers WEBHOOK_URL (the balancer's
public HTTPS address) with WEBHOOK_SECRET_TOKEN and the update types the bot handles;
`--delete` removes the webhook (e.g. before going back to polling).
"""

from __future__ import annotations

import asyncio

from telegram import Bot

from bot.startup import start
from bot.telegram.application import ALLOWED_UPDATES, telegram_errors


def set_webhook_command(*, delete: bool = False) -> int:
    """0 when Telegram accepted it; a `StartError` for bad settings or token (2), or when
    Telegram refused or was unreachable (1)."""
    settings = start("set-webhook", requires=() if delete else ("WEBHOOK_URL", "WEBHOOK_SECRET_TOKEN"))
    bot = Bot(settings.token, base_url=settings.telegram_api_base_url,
              base_file_url=settings.file_base_url or "https://api.telegram.org/file/bot")

    webhook_url = None if delete else settings.webhook_url  # not None unless deleting: checked above

    async def call() -> None:
        async with bot:
            if webhook_url is None:
                await bot.delete_webhook()
            else:
                await bot.set_webhook(webhook_url, secret_token=settings.webhook_secret,
                                      allowed_updates=ALLOWED_UPDATES)

    # Telegram's descriptions ("bad webhook: ...") name the problem, never the secret.
    with telegram_errors(refused=lambda exc: f"Telegram refused: {exc.message}"):
        asyncio.run(call())
    print("webhook removed" if delete else f"webhook set: Telegram now posts updates to {settings.webhook_url}")
    return 0
