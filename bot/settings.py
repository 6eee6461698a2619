"""The Telegram bot's settings, from the environment and an optional `.env` file.

Who calls it: `bot.startup.start()` once at the start of `itoh-bot run`, `worker` and
`set-webhook`, through `load_settings()`. A missing or malformed value raises
`SettingsError` whose message is one line naming the variable and what is wrong — never
the value, since the token and the webhook secret are credentials. The CLI prints that
line and exits 2.
"""

from __future__ import annotations

import re
from typing import Literal
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

# What @BotFather hands out: the bot's numeric id, a colon, a 35-character secret. The
# lower bound of 20 leaves room for format changes while still catching paste errors.
TOKEN_PATTERN = re.compile(r"^\d+:[A-Za-z0-9_-]{20,}$")
# Telegram's rule for setWebhook's secret_token.
SECRET_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
DEFAULT_API_BASE_URL = "https://api.telegram.org/bot"
DEFAULT_STORE_URL = "sqlite:///itoh-sessions.sqlite3"
USER_IDS_PATTERN = re.compile(r"^\s*\d+(\s*[,\s]\s*\d+)*\s*$")


class SettingsError(ValueError):
    """A setting is missing or invalid; the message is one line fit to print as-is."""


class Settings(BaseSettings):
    """Everything `itoh-bot run` needs; field names are the environment variable names."""

    model_config = SettingsConfigDict(
        env_file=".env",
        env_file_encoding="utf-8",
        env_ignore_empty=True,  # `WEBHOOK_URL=` in .env means "not set", not ""
        extra="ignore",  # .env may hold other services' variables
        frozen=True,
    )

    telegram_bot_token: SecretStr
    telegram_api_base_url: str = DEFAULT_API_BASE_URL
    store_url: str = DEFAULT_STORE_URL
    session_ttl_seconds: float = Field(default=86_400.0, gt=0)
    session_expiry_interval_seconds: float = Field(default=600.0, gt=0)
    mode: Literal["polling", "webhook"] = "polling"
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = Field(default=8443, ge=1, le=65_535)
    webhook_url: str | None = None
    webhook_secret_token: SecretStr | None = None
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    # Clinician-only deployments: Telegram user ids allowed to use the bot (unset: everyone).
    allowed_user_ids: str | None = None
    # Updates per user per minute before the bot stops answering (0: no limit). Applied
    # by `itoh-bot run` and `itoh-bot worker` (bot/telegram/admission.py).
    rate_limit_per_minute: int = Field(default=60, ge=0)
    # Seconds to wait for a Bot API answer (read and write) before treating it as failed.
    telegram_timeout_seconds: float = Field(default=10.0, gt=0)

    @field_validator("telegram_bot_token")
    @classmethod
    def _token_shape(cls, value: SecretStr) -> SecretStr:
        if not TOKEN_PATTERN.match(value.get_secret_value().strip()):
            raise ValueError("is not a bot token (expected <digits>:<secret> as given by @BotFather)")
        return SecretStr(value.get_secret_value().strip())

    @field_validator("telegram_api_base_url", "webhook_url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is not None:
            parts = urlsplit(value)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise ValueError("must be an http:// or https:// URL")
        return value

    @field_validator("allowed_user_ids")
    @classmethod
    def _user_ids(cls, value: str | None) -> str | None:
        if value is not None and not USER_IDS_PATTERN.match(value):
            raise ValueError("must be Telegram user ids (digits) separated by commas")
        return value

    @field_validator("webhook_secret_token")
    @classmethod
    def _secret_shape(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not SECRET_PATTERN.match(value.get_secret_value()):
            raise ValueError("must be 1-256 characters of A-Z, a-z, 0-9, _ and -")
        return value

    @field_validator("mode", mode="before")
    @classmethod
    def _mode_lower(cls, value: object) -> object:
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("log_level", mode="before")
    @classmethod
    def _level_upper(cls, value: object) -> object:
        return value.strip().upper() if isinstance(value, str) else value

    @model_validator(mode="after")
    def _webhook_complete(self) -> Settings:
        if self.mode == "webhook":
            missing = [name for name, value in (("WEBHOOK_URL", self.webhook_url),
                                                ("WEBHOOK_SECRET_TOKEN", self.webhook_secret_token))
                       if value is None]
            if missing:
                raise ValueError(f"MODE=webhook needs {' and '.join(missing)}")
        return self

    @property
    def token(self) -> str:
        return self.telegram_bot_token.get_secret_value()

    @property
    def webhook_secret(self) -> str | None:
        return None if self.webhook_secret_token is None else self.webhook_secret_token.get_secret_value()

    @property
    def allowed_users(self) -> frozenset[int] | None:
        """The allow-list as ids, or None when everyone may use the bot."""
        if self.allowed_user_ids is None:
            return None
        return frozenset(int(part) for part in re.split(r"[,\s]+", self.allowed_user_ids.strip()) if part)

    @property
    def webhook_path(self) -> str:
        """The path PTB's webhook server listens on: the path of the public WEBHOOK_URL."""
        return urlsplit(self.webhook_url or "").path.strip("/")

    @property
    def file_base_url(self) -> str | None:
        """Telegram serves files from /file/bot<token>; mirror a custom API root likewise."""
        base = self.telegram_api_base_url.rstrip("/")
        return base[: -len("/bot")] + "/file/bot" if base.endswith("/bot") else None


def load_settings(env_file: str | None = ".env") -> Settings:
    """Read the settings; raise `SettingsError` with one line naming what is wrong."""
    try:
        return Settings(_env_file=env_file)
    except ValidationError as exc:
        raise SettingsError("; ".join(_describe(error) for error in exc.errors())) from None


def _describe(error: object) -> str:
    # Built from the location and reason only: pydantic's own text quotes the input,
    # which would print the token.
    assert isinstance(error, dict)
    location = ".".join(str(part) for part in error.get("loc", ())).upper()
    reason = str(error.get("msg", "invalid")).removeprefix("Value error, ")
    if error.get("type") == "missing":
        reason = "is not set" + (" (get a token from @BotFather, see docs/telegram.md)"
                                 if location == "TELEGRAM_BOT_TOKEN" else "")
    return f"invalid setting {location}: {reason}" if location else f"invalid settings: {reason}"
