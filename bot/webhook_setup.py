"""`itoh-bot set-webhook [--delete]`: register the public webhook URL with Telegram, once.

Who calls it: an operator (or a deployment script) once per deployment, not the
workers: with several workers behind a load balancer, each registering itself would
point Telegram at whichever started last. It registers WEBHOOK_URL (the balancer's
public HTTPS address) with WEBHOOK_SECRET_TOKEN and the update types the bot handles;
`--delete` removes the webhook (e.g. before going back to polling).
"""

from __future__ import annotations

import asyncio
import os

from telegram import Bot
from telegram.error import InvalidToken, TelegramError

from bot.log_setup import configure_logging
from bot.settings import SettingsError, load_settings
from bot.telegram import ALLOWED_UPDATES
from bot.worker import fail


def set_webhook_command(*, delete: bool = False) -> int:
    """0 when Telegram accepted it; 2 for bad settings or token, 1 when Telegram refused or was unreachable."""
    try:
        settings = load_settings()
    except SettingsError as exc:
        return fail(str(exc))
    if not delete and (settings.webhook_url is None or settings.webhook_secret is None):
        return fail("itoh-bot set-webhook needs WEBHOOK_URL and WEBHOOK_SECRET_TOKEN (see README, section Deployment)")
    os.environ.setdefault("PTB_TIMEDELTA", "true")
    configure_logging(settings.log_level, secrets=[settings.token, settings.webhook_secret], terse=(InvalidToken,))
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

    try:
        asyncio.run(call())
    except InvalidToken:
        return fail("Telegram rejected TELEGRAM_BOT_TOKEN (revoked or mistyped? see docs/telegram.md)")
    except TelegramError as exc:
        # Telegram's descriptions ("bad webhook: ...") name the problem, never the secret.
        return fail(f"Telegram refused: {exc.message}", code=1)
    print("webhook removed" if delete else f"webhook set: Telegram now posts updates to {settings.webhook_url}")
    return 0
