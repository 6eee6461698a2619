"""Lua scripts of the Redis store. Each runs atomically on the server.

Data layout (``P`` = the store's prefix, default ``"itoh:"``):

* ``P session:<key>``  hash {payload, version, updated_at}, with a PEXPIRE of
  the TTL refreshed on every put, so idle sessions vanish on their own;
* ``P sessions``       sorted set <key> -> updated_at: lets count() and expire()
  work without SCANning the keyspace;
* ``P lock:<key>``     redis-py Lock token;
* ``P update:<id>``    SET NX PX marker of a claimed update id;
* ``P rate:<key>:<window ms>:<window no.>``  INCR counter of one rate window,
  PEXPIRE the window length.

Every key carries a TTL: sessions and the index the session TTL (each put
refreshes both, so the index outlives its newest member), locks their lock
timeout, markers and counters their own window. Nothing stays if the bot stops
for good.

A session is live while ``updated_at >= cutoff`` (cutoff = now - ttl, computed
by the caller with its clock), the same boundary as every other backend.

The expire script deletes session keys it derives from index members instead of
declaring them in KEYS: fine on a single Redis server (the supported setup), not
on Redis Cluster.
"""

from __future__ import annotations

# KEYS[1] session hash, KEYS[2] index
# ARGV[1] expected version, ARGV[2] payload, ARGV[3] now, ARGV[4] cutoff,
# ARGV[5] ttl in ms, ARGV[6] index member (the caller's key)
# Returns {1, new_version} on success, {0, stored_live_version} on conflict.
PUT = """
local stored = redis.call('HMGET', KEYS[1], 'version', 'updated_at')
local current = 0
if stored[1] and tonumber(stored[2]) >= tonumber(ARGV[4]) then
  current = tonumber(stored[1])
end
if current ~= tonumber(ARGV[1]) then
  return {0, current}
end
local new = current + 1
redis.call('HSET', KEYS[1], 'payload', ARGV[2], 'version', new, 'updated_at', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[6])
redis.call('PEXPIRE', KEYS[2], ARGV[5])
return {1, new}
"""

# KEYS[1] session hash, KEYS[2] index; ARGV[1] index member
# Returns how many session keys were removed (0 or 1).
DELETE = """
local n = redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], ARGV[1])
return n
"""

# KEYS[1] index; ARGV[1] cutoff, ARGV[2] session-key prefix, ARGV[3] batch size
# Returns {sessions deleted, index members removed}; call again while the second
# equals the batch size (batches keep each script run short).
EXPIRE = """
local members = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[1],
                           'LIMIT', 0, tonumber(ARGV[3]))
local n = 0
for _, m in ipairs(members) do
  n = n + redis.call('DEL', ARGV[2] .. m)
end
if #members > 0 then
  redis.call('ZREM', KEYS[1], unpack(members))
end
return {n, #members}
"""

# KEYS[1] counter; ARGV[1] window in ms. Returns the hits so far, this one included.
# INCR and PEXPIRE in one script: a counter can never be left without its expiry.
HIT = """
local n = redis.call('INCR', KEYS[1])
if n == 1 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
end
return n
"""
