"""Bad settings stop `itoh-bot run` with one clear line on stderr and exit code 2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from bot.fake_telegram import FakeBotApi
from bot.settings import Settings, load_settings
from tests.telegram.bot_process import bot_env
from tests.telegram.harness import TOKEN


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)  # no .env from the repository
    return tmp_path


def run_cli(capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["run"])
    return code, capsys.readouterr().err


@pytest.mark.parametrize(("env", "expected"), [
    ({}, "TELEGRAM_BOT_TOKEN: is not set"),
    ({"TELEGRAM_BOT_TOKEN": "12345:short-secret"}, "TELEGRAM_BOT_TOKEN: is not a bot token"),
    ({"TELEGRAM_BOT_TOKEN": "not a token at all, with spaces"}, "TELEGRAM_BOT_TOKEN: is not a bot token"),
    ({"MODE": "webhook"}, "MODE=webhook needs WEBHOOK_URL and WEBHOOK_SECRET_TOKEN"),
    ({"MODE": "webhook", "WEBHOOK_URL": "https://example.org/hook", "WEBHOOK_SECRET_TOKEN": "has spaces"},
     "WEBHOOK_SECRET_TOKEN: must be"),
    ({"MODE": "carrier-pigeon"}, "MODE"),
    ({"SESSION_TTL_SECONDS": "0"}, "SESSION_TTL_SECONDS"),
    ({"WEBHOOK_PORT": "http"}, "WEBHOOK_PORT"),
    ({"STORE_URL": "ftp://example.org/sessions"}, "STORE_URL"),
    ({"STORE_URL": "sqlite:////no/such/directory/s.sqlite3"}, "STORE_URL"),
    ({"ALLOWED_USER_IDS": "12345, @someone"}, "ALLOWED_USER_IDS: must be Telegram user ids"),
    ({"RATE_LIMIT_PER_MINUTE": "-1"}, "RATE_LIMIT_PER_MINUTE"),
    ({"TELEGRAM_TIMEOUT_SECONDS": "0"}, "TELEGRAM_TIMEOUT_SECONDS"),
])
def test_bad_setting_is_one_line_and_exit_2(
    workdir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    env: dict[str, str], expected: str,
) -> None:
    for name in ("TELEGRAM_BOT_TOKEN", "MODE", "WEBHOOK_URL", "WEBHOOK_SECRET_TOKEN", "STORE_URL"):
        monkeypatch.delenv(name, raising=False)
    if "TELEGRAM_BOT_TOKEN" not in env and env:
        monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    code, err = run_cli(capsys)
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("itoh-bot: "), err
    assert expected in err
    assert "Traceback" not in err
    for secret in (TOKEN, env.get("TELEGRAM_BOT_TOKEN", TOKEN), "has spaces"):
        assert secret not in err


def test_dotenv_file_is_read(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    (workdir / ".env").write_text(f"TELEGRAM_BOT_TOKEN={TOKEN}\nMODE=Webhook\nWEBHOOK_URL=https://bot.example.org/tg/hook\n"
                                  "WEBHOOK_SECRET_TOKEN=s3cret_token\nSESSION_TTL_SECONDS=3600\nOTHER_SERVICE=x\n")
    settings = load_settings()
    assert settings.token == TOKEN and settings.mode == "webhook" and settings.webhook_path == "tg/hook"
    assert settings.session_ttl_seconds == 3600
    assert TOKEN not in repr(settings) and "s3cret_token" not in repr(settings)


def test_defaults() -> None:
    settings = Settings(telegram_bot_token=TOKEN, _env_file=None)  # type: ignore[call-arg]
    assert settings.telegram_api_base_url == "https://api.telegram.org/bot"
    assert settings.store_url == "sqlite:///itoh-sessions.sqlite3"
    assert settings.session_ttl_seconds == 86_400
    assert settings.mode == "polling" and settings.webhook_listen == "127.0.0.1"
    assert settings.file_base_url == "https://api.telegram.org/file/bot"
    assert settings.allowed_users is None and settings.rate_limit_per_minute == 60


def test_allowed_user_ids_list() -> None:
    settings = Settings(telegram_bot_token=TOKEN, allowed_user_ids=" 111, 222 333 ", _env_file=None)  # type: ignore[call-arg]
    assert settings.allowed_users == {111, 222, 333}


@pytest.mark.e2e
def test_token_rejected_by_telegram_is_one_line_and_exit_2(fake: FakeBotApi, tmp_path: Path) -> None:
    other = "987654321:" + "Z" * 35  # well formed, but not the token the server knows
    env = bot_env(fake, tmp_path / "s.sqlite3", TELEGRAM_BOT_TOKEN=other)
    result = subprocess.run([sys.executable, "-m", "bot.cli", "run"], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 2, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("itoh-bot: ")]
    assert lines == ["itoh-bot: Telegram rejected TELEGRAM_BOT_TOKEN (revoked or mistyped? see docs/telegram.md)"]
    assert "Traceback" not in result.stderr and other not in result.stderr
