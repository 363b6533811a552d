# vanban messages: core (en)

## Limits (crates/vanban/src/limits.rs)

# $found: what was found, itself a message or text; $limit: the limit; $flag: the option that raises it.
limit-exceeded = { $found }, more than the limit of { $limit } (raise it with --{ $flag })
field-length = is { $length } characters long
