"""The peers: what a PTB or aiogram user would write for the same questions (bench only)."""
